package dev.imagesync.image;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * Byte amounts as Backend.AI writes them: a plain number, or a number with a binary suffix ({@code k m g t
 * p e}, case-insensitive, powers of 1024, optionally followed by {@code b} or {@code ib}: {@code 256m},
 * {@code 1.5G}, {@code 2GiB}); {@code inf}/{@code infinity} is unlimited. Fractions of a byte are dropped, as
 * the 21.09 {@code BinarySize} did.
 */
public final class BinarySize {

    private static final Map<Character, Integer> POWERS =
            Map.of('k', 1, 'm', 2, 'g', 3, 't', 4, 'p', 5, 'e', 6);
    private static final BigDecimal KIBI = BigDecimal.valueOf(1024);

    private BinarySize() {
    }

    /**
     * Parses {@code text} into bytes.
     *
     * @throws IllegalArgumentException naming the text when it is not a byte amount
     */
    public static SlotQuantity parse(String text) {
        String expr = text == null ? "" : text.strip().replace("_", "").toLowerCase(Locale.ROOT);
        if (expr.equals("inf") || expr.equals("infinite") || expr.equals("infinity")) {
            return SlotQuantity.UNLIMITED;
        }
        String number = expr;
        int power = 0;
        if (expr.endsWith("ib")) {
            number = expr.substring(0, expr.length() - 2);
        } else if (expr.endsWith("b")) {
            number = expr.substring(0, expr.length() - 1);
        }
        if (!number.isEmpty() && POWERS.containsKey(number.charAt(number.length() - 1))) {
            power = POWERS.get(number.charAt(number.length() - 1));
            number = number.substring(0, number.length() - 1);
        } else if (number.length() != expr.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a byte amount (unit must be k, m, g, t, p or e)");
        }
        BigDecimal value = decimal(number, text);
        return SlotQuantity.of(value.multiply(KIBI.pow(power)).setScale(0, RoundingMode.DOWN));
    }

    private static BigDecimal decimal(String number, String original) {
        try {
            BigDecimal value = new BigDecimal(number);
            if (value.signum() < 0) {
                throw new IllegalArgumentException("'" + original + "' is negative");
            }
            return value;
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("'" + original + "' is not a byte amount (e.g. 1073741824, 256m, 1.5g)");
        }
    }
}
