package dev.imagesync.registry;

/**
 * What a {@code HEAD} on a tag's manifest tells: whether the tag exists and, when the registry sends
 * {@code Docker-Content-Digest}, the digest it points to.
 *
 * @param exists false on 404 (deleted since it was listed)
 * @param digest the manifest digest, or null when the registry did not say
 */
public record ManifestHead(boolean exists, String digest) {

    public static final ManifestHead MISSING = new ManifestHead(false, null);
}
