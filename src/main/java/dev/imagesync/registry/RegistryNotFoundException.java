package dev.imagesync.registry;

/** The registry answered 404 for something that must exist (a repository's tag list, a project). */
public class RegistryNotFoundException extends RegistryException {

    public RegistryNotFoundException(String registry, String method, String path) {
        super("registry '" + registry + "' has no " + path + " (HTTP 404 on " + method + ")");
    }
}
