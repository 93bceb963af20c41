package dev.imagesync.registry;

/** A temporary failure (408, 429, 5xx, I/O error, timeout) that outlasted every retry. */
public class RegistryUnavailableException extends RegistryException {

    public RegistryUnavailableException(String registry, String method, String path, int attempts,
                                        String lastFailure, Throwable cause) {
        super("registry '" + registry + "' unavailable: " + method + " " + path + " failed " + attempts
                + " times, last with " + lastFailure, cause);
    }
}
