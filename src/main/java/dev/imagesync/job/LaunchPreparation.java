package dev.imagesync.job;

/**
 * Work that must succeed before {@link JobRunner} creates an execution. A launch that cannot, say, record its
 * owner in etcd then fails as a one-line error with no execution left behind, instead of as a FAILED
 * execution that a later {@code restart} would pick up.
 */
public interface LaunchPreparation {

    /** Throws when the job must not be launched; called once per launch or restart, before the job starts. */
    void prepare();
}
