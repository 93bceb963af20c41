package dev.imagesync.registry;

/** The registry refused the credentials (or their absence) with 401 or 403. */
public class RegistryUnauthorizedException extends RegistryException {

    public RegistryUnauthorizedException(String registry, String method, String path, int status) {
        super("registry '" + registry + "' refused " + method + " " + path + " with HTTP " + status
                + " (check its username/password)");
    }
}
