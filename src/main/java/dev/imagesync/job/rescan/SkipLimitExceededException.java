package dev.imagesync.job.rescan;

/** More tags of one registry failed than the skip limit allows: the registry's scan fails. */
public class SkipLimitExceededException extends RuntimeException {

    public SkipLimitExceededException(String registry, long limit, Throwable last) {
        super("registry '" + registry + "': more than " + limit + " tags failed (skip limit); last: "
                + last.getMessage(), last);
    }
}
