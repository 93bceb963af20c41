package dev.imagesync.image;

import java.util.regex.Pattern;

/** The tag grammar image references are held to: alphanumerics with {@code . _ -} inside, at most 128. */
public final class ImageTags {

    /** Docker's own limit on a tag's length. */
    public static final int MAX_LENGTH = 128;

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");

    private ImageTags() {
    }

    public static boolean isValid(String tag) {
        return tag != null && tag.length() <= MAX_LENGTH && TAG.matcher(tag).matches();
    }
}
