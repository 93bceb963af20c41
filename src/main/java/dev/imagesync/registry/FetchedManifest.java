package dev.imagesync.registry;

import dev.imagesync.registry.wire.DescriptorTemplate;
import dev.imagesync.registry.wire.ManifestTemplate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A manifest as received, with what it is decided the way CONTRACT.md §3 allows for sloppy registries:
 * the response Content-Type, else the document's {@code mediaType}, else whether it has {@code manifests}
 * (a list/index) or {@code config} (an image manifest).
 */
record FetchedManifest(RegistryResponse response, ManifestTemplate template, String registry) {

    static final String DIGEST_HEADER = "Docker-Content-Digest";

    /** The digest the registry names, else the SHA-256 of the bytes received (which is what it names). */
    String digest() {
        String named = response.header(DIGEST_HEADER);
        if (named != null && !named.isBlank()) {
            return named.strip();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(response.body());
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", impossible);
        }
    }

    boolean isIndex() {
        String contentType = response.contentType();
        if (ManifestFormat.isIndex(contentType) || ManifestFormat.isImageManifest(contentType)) {
            return ManifestFormat.isIndex(contentType);
        }
        String mediaType = template.mediaType();
        if (ManifestFormat.isIndex(mediaType) || ManifestFormat.isImageManifest(mediaType)) {
            return ManifestFormat.isIndex(mediaType);
        }
        return template.manifests() != null && template.config() == null;
    }

    /** The config descriptor of an image manifest; a list inside a list or a config-less manifest is malformed. */
    DescriptorTemplate requireImageConfig() {
        DescriptorTemplate config = template.config();
        if (isIndex() || config == null || config.digest() == null) {
            throw new MalformedResponseException(registry, "image manifest", response.url().encodedPath(),
                    "no config descriptor (not an image manifest)");
        }
        return config;
    }
}
