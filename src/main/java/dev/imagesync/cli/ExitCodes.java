package dev.imagesync.cli;

/** The process exit codes every command uses. */
final class ExitCodes {

    static final int OK = 0;
    /** The command ran and failed: a job FAILED, a key is missing, a service is unreachable. */
    static final int FAILURE = 1;
    /** The command line itself is wrong (picocli's usage error code). */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
