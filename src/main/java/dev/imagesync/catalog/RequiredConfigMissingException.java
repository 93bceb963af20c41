package dev.imagesync.catalog;

/** A configuration key the caller needs is neither in etcd nor among the defaults. */
public class RequiredConfigMissingException extends RuntimeException {

    public RequiredConfigMissingException(String key) {
        super("required config missing: " + key);
    }
}
