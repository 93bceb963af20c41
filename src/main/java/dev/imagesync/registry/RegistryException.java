package dev.imagesync.registry;

/**
 * Base of everything that goes wrong talking to a registry. Unchecked: callers (the job's readers) decide
 * per registry whether to skip or fail. Messages are one line and never carry a password, a token or an
 * {@code Authorization} header; they name the registry and the URL path instead.
 */
public class RegistryException extends RuntimeException {

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
