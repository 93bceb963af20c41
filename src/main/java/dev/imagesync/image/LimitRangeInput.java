package dev.imagesync.image;

import java.util.Optional;

/**
 * What an operator types for {@code set-image-resource-limit}: {@code MIN:MAX}, either side empty to leave
 * that bound as it is ({@code 1:}, {@code :4}, {@code 256m:2g}).
 *
 * @param min the minimum text, or null to leave it
 * @param max the maximum text, or null to leave it
 */
public record LimitRangeInput(String min, String max) {

    /**
     * Parses and checks {@code MIN:MAX} against the slot's unit; both sides empty, a negative or
     * non-numeric side, or min above max are errors naming the input.
     */
    public static LimitRangeInput parse(String text, SlotUnit unit) {
        int colon = text.indexOf(':');
        if (colon < 0 || colon != text.lastIndexOf(':')) {
            throw new IllegalArgumentException("range '" + text + "' must be MIN:MAX (either side may be empty)");
        }
        String min = emptyToNull(text.substring(0, colon));
        String max = emptyToNull(text.substring(colon + 1));
        if (min == null && max == null) {
            throw new IllegalArgumentException("range '" + text + "' sets neither a minimum nor a maximum");
        }
        Optional<SlotQuantity> low = check(min, unit, text);
        Optional<SlotQuantity> high = check(max, unit, text);
        if (low.isPresent() && high.isPresent() && low.get().compareTo(high.get()) > 0) {
            throw new IllegalArgumentException("range '" + text + "' has its minimum above its maximum");
        }
        return new LimitRangeInput(min, max);
    }

    private static Optional<SlotQuantity> check(String side, SlotUnit unit, String text) {
        if (side == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SlotQuantity.parse(side, unit));
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("range '" + text + "': " + invalid.getMessage()
                    + (unit == SlotUnit.BYTES ? " (bytes slot: e.g. 256m, 1g)" : ""));
        }
    }

    private static String emptyToNull(String side) {
        String trimmed = side.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
