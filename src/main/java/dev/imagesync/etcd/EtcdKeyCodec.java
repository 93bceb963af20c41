package dev.imagesync.etcd;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Quotes and unquotes etcd key components exactly as Backend.AI's Python code does (CONTRACT.md §1):
 * {@code quote} is {@code urllib.parse.quote(x, safe='')}, {@code unquote} is {@code urllib.parse.unquote(x)}.
 * {@link java.net.URLEncoder} differs (space as {@code +}, {@code ~} and {@code *} handled otherwise), so
 * it must not be used for keys. Stateless and thread-safe.
 */
public final class EtcdKeyCodec {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private EtcdKeyCodec() {
    }

    /** Every UTF-8 byte other than {@code A-Z a-z 0-9 _ . - ~} becomes {@code %XX} (uppercase hex). */
    public static String quote(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder quoted = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int unsigned = b & 0xFF;
            if (isUnreserved(unsigned)) {
                quoted.append((char) unsigned);
            } else {
                quoted.append('%').append(HEX[unsigned >> 4]).append(HEX[unsigned & 0xF]);
            }
        }
        return quoted.toString();
    }

    /**
     * Turns {@code %XX} (either case) back into bytes and decodes them as UTF-8, invalid sequences becoming
     * U+FFFD. {@code +} stays {@code +}; a {@code %} not followed by two hex digits is kept as it is.
     */
    public static String unquote(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder result = new StringBuilder(text.length());
        ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                pendingBytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 3;
            } else {
                flushUtf8(pendingBytes, result);
                result.append(c);
                i++;
            }
        }
        flushUtf8(pendingBytes, result);
        return result.toString();
    }

    private static void flushUtf8(ByteArrayOutputStream pendingBytes, StringBuilder result) {
        if (pendingBytes.size() == 0) {
            return;
        }
        result.append(PythonUtf8Decoder.decode(pendingBytes.toByteArray()));
        pendingBytes.reset();
    }

    private static boolean isUnreserved(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                || b == '_' || b == '.' || b == '-' || b == '~';
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
