package dev.imagesync.jdbc;

/**
 * What the last scan saw of one tag.
 *
 * @param manifestDigest the digest the tag pointed to (of the manifest list / index for multi-platform tags)
 * @param outcome        {@link #RECORD} when the tag became an image record, else the skip reason's text
 * @param policy         the kernel-image policy the outcome was decided under; another policy decides anew
 */
public record KnownTag(String manifestDigest, String outcome, String policy) {

    public static final String RECORD = "record";

    public boolean wasRecord() {
        return RECORD.equals(outcome);
    }
}
