package dev.imagesync.registry;

/** A response body larger than {@code imagesync.registry.max-body-bytes}; protects the heap from a bad peer. */
public class ResponseTooLargeException extends RegistryException {

    public ResponseTooLargeException(String registry, String path, long limitBytes) {
        super("registry '" + registry + "' sent more than " + limitBytes + " bytes for " + path);
    }
}
