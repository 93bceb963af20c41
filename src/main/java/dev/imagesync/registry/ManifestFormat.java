package dev.imagesync.registry;

/**
 * The two manifest families a registry serves, each with its image-manifest, list/index, config and layer
 * media types.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/manifest-v2-2/">Docker image manifest v2 schema 2</a>
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/media-types.md">OCI media types</a>
 */
public enum ManifestFormat {
    DOCKER_SCHEMA2("application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.container.image.v1+json",
            "application/vnd.docker.image.rootfs.diff.tar.gzip"),
    OCI("application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.oci.image.config.v1+json",
            "application/vnd.oci.image.layer.v1.tar+gzip");

    /** What a manifest GET accepts: both image manifests and both list types, so OCI tags no longer 404. */
    public static final String MANIFEST_ACCEPT = String.join(", ", DOCKER_SCHEMA2.imageManifest, OCI.imageManifest,
            DOCKER_SCHEMA2.index, OCI.index);

    private final String imageManifest;
    private final String index;
    private final String config;
    private final String layer;

    ManifestFormat(String imageManifest, String index, String config, String layer) {
        this.imageManifest = imageManifest;
        this.index = index;
        this.config = config;
        this.layer = layer;
    }

    public String imageManifestMediaType() {
        return imageManifest;
    }

    /** The Docker manifest list or OCI index media type. */
    public String indexMediaType() {
        return index;
    }

    public String configMediaType() {
        return config;
    }

    public String layerMediaType() {
        return layer;
    }

    static boolean isIndex(String mediaType) {
        return DOCKER_SCHEMA2.index.equals(mediaType) || OCI.index.equals(mediaType);
    }

    static boolean isImageManifest(String mediaType) {
        return DOCKER_SCHEMA2.imageManifest.equals(mediaType) || OCI.imageManifest.equals(mediaType);
    }
}
