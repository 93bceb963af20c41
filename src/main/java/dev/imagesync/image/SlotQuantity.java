package dev.imagesync.image;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of a resource slot, or unlimited (21.09's {@code Decimal('Infinity')}). Printed as a plain
 * decimal, or {@code Infinity} when unlimited.
 *
 * @param value the amount, or null when unlimited
 */
public record SlotQuantity(BigDecimal value) implements Comparable<SlotQuantity> {

    public static final SlotQuantity ZERO = new SlotQuantity(BigDecimal.ZERO);
    public static final SlotQuantity UNLIMITED = new SlotQuantity(null);

    public static SlotQuantity of(BigDecimal value) {
        return new SlotQuantity(Objects.requireNonNull(value, "value").stripTrailingZeros());
    }

    /**
     * Parses an amount in the given unit: {@link BinarySize} for bytes, a non-negative decimal for counts.
     *
     * @throws IllegalArgumentException naming the text when it is not an amount
     */
    public static SlotQuantity parse(String text, SlotUnit unit) {
        if (unit == SlotUnit.BYTES) {
            return BinarySize.parse(text);
        }
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.equalsIgnoreCase("infinity") || trimmed.equalsIgnoreCase("inf")) {
            return UNLIMITED;
        }
        try {
            BigDecimal value = new BigDecimal(trimmed);
            if (value.signum() < 0) {
                throw new IllegalArgumentException("'" + text + "' is negative");
            }
            return of(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
    }

    public boolean isUnlimited() {
        return value == null;
    }

    @Override
    public int compareTo(SlotQuantity other) {
        if (isUnlimited() || other.isUnlimited()) {
            return Boolean.compare(isUnlimited(), other.isUnlimited());
        }
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return isUnlimited() ? "Infinity" : value.toPlainString();
    }
}
