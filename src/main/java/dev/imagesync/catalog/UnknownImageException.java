package dev.imagesync.catalog;

import dev.imagesync.image.ImageRef;

/** The reference (or alias) names no image record in etcd. */
public class UnknownImageException extends RuntimeException {

    public UnknownImageException(String reference, ImageRef resolved) {
        super("unknown image '" + reference + "'"
                + (resolved.canonical().equals(reference) ? "" : " (resolved to " + resolved.canonical() + ")"));
    }
}
