package dev.imagesync.job.rescan;

/**
 * How one execution of rescan-images runs, from its job parameters.
 *
 * @param full   fetch every tag's manifest and config even when its digest did not change
 * @param prune  remove the records of tags the registry no longer has (registries that completed only)
 * @param dryRun report what would be written or removed, change nothing (etcd and remembered digests alike)
 */
public record ScanMode(boolean full, boolean prune, boolean dryRun) {

    public static final String FULL = "full";
    public static final String PRUNE = "prune";
    public static final String DRY_RUN = "dry-run";

    static ScanMode fromParameters(String full, String prune, String dryRun) {
        return new ScanMode(Boolean.parseBoolean(full), Boolean.parseBoolean(prune), Boolean.parseBoolean(dryRun));
    }
}
