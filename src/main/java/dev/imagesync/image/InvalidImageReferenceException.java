package dev.imagesync.image;

/** A text that is not an image reference; the message names the text and why, on one line. */
public class InvalidImageReferenceException extends IllegalArgumentException {

    private final String reason;

    public InvalidImageReferenceException(String reference, String reason) {
        super("invalid image reference '" + reference + "': " + reason);
        this.reason = reason;
    }

    /** The problem alone, without the reference. */
    public String reason() {
        return reason;
    }
}
