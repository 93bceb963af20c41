package dev.imagesync.image;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides which repositories are scanned and which tags are Backend.AI kernel images (CONTRACT.md §2).
 * Immutable and thread-safe.
 */
public final class KernelImagePolicy {

    public static final String KERNELSPEC_LABEL = "ai.backend.kernelspec";

    /** Substrings that mark Backend.AI's own infrastructure images, never kernels. */
    private static final List<String> NON_KERNEL_WORDS =
            List.of("common-", "commons-", "base-", "krunner", "builder", "backendai", "geofront");

    private final int minKernelspec;
    private final int maxKernelspec;
    private final String architecture;
    private final boolean strictArchitecture;

    public KernelImagePolicy(int minKernelspec, int maxKernelspec, String architecture, boolean strictArchitecture) {
        if (minKernelspec > maxKernelspec) {
            throw new IllegalArgumentException(
                    "kernelspec range is empty: min " + minKernelspec + " > max " + maxKernelspec);
        }
        this.minKernelspec = minKernelspec;
        this.maxKernelspec = maxKernelspec;
        this.architecture = architecture;
        this.strictArchitecture = strictArchitecture;
    }

    /** The platform architecture (Docker naming) a manifest list is resolved to. */
    public String architecture() {
        return architecture;
    }

    /**
     * Everything a decision depends on besides the image itself: a remembered outcome is reused only under the
     * same fingerprint.
     */
    public String fingerprint() {
        return "kernelspec=" + minKernelspec + ".." + maxKernelspec + ";arch=" + architecture
                + ";strict=" + strictArchitecture;
    }

    /** False for repositories that hold Backend.AI infrastructure images rather than kernels. */
    public boolean isScannedRepository(String repository) {
        return NON_KERNEL_WORDS.stream().noneMatch(repository::contains);
    }

    /** Turns a tag's metadata into a record, or says why the tag is not a kernel image. */
    public TagDecision decide(TagRef ref, ImageMetadata metadata) {
        Optional<SkipReason> reason = rejection(metadata);
        if (reason.isPresent()) {
            return new TagDecision(null, reason.get());
        }
        return new TagDecision(
                new ImageRecord(ref, metadata.configDigest(), metadata.sizeBytes(), new TreeMap<>(metadata.labels())),
                null);
    }

    private Optional<SkipReason> rejection(ImageMetadata metadata) {
        if (strictArchitecture && !metadata.fromIndex() && metadata.architecture() != null
                && !metadata.architecture().equals(architecture)) {
            return Optional.of(SkipReason.architectureMismatch(metadata.architecture(), architecture));
        }
        String kernelspec = metadata.labels().get(KERNELSPEC_LABEL);
        if (kernelspec == null) {
            return Optional.of(SkipReason.MISSING_KERNELSPEC);
        }
        try {
            int version = Integer.parseInt(kernelspec.strip());
            if (version < minKernelspec || version > maxKernelspec) {
                return Optional.of(SkipReason.UNSUPPORTED_KERNELSPEC);
            }
        } catch (NumberFormatException notAnInteger) {
            return Optional.of(SkipReason.UNSUPPORTED_KERNELSPEC);
        }
        return Optional.empty();
    }

    /** Exactly one of {@code record} and {@code skipReason} is set. */
    public record TagDecision(ImageRecord record, SkipReason skipReason) {
        public boolean accepted() {
            return record != null;
        }
    }
}
