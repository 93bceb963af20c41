package dev.imagesync.image;

import java.util.Objects;

/**
 * The minimum and maximum of one resource slot for an image. Absent bounds are 0 and unlimited.
 *
 * @param min the least amount the image needs
 * @param max the most it may get
 */
public record SlotRange(SlotQuantity min, SlotQuantity max) {

    public static final SlotRange UNBOUNDED = new SlotRange(SlotQuantity.ZERO, SlotQuantity.UNLIMITED);

    public SlotRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
    }
}
