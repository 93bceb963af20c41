package dev.imagesync.image;

/**
 * Why a tag did not become an image record. The text is what operators see in logs and summaries and is
 * the key skipped tags are counted under, so parameterised reasons group by their full text.
 */
public record SkipReason(String text) {

    public static final SkipReason MISSING = new SkipReason("missing/deleted");
    public static final SkipReason MISSING_KERNELSPEC = new SkipReason("missing kernelspec");
    public static final SkipReason UNSUPPORTED_KERNELSPEC = new SkipReason("unsupported kernelspec");

    public static SkipReason noManifestFor(String architecture) {
        return new SkipReason("no " + architecture + " manifest");
    }

    public static SkipReason architectureMismatch(String actual, String wanted) {
        return new SkipReason("architecture " + actual + " \u2260 " + wanted);
    }

    @Override
    public String toString() {
        return text;
    }
}
