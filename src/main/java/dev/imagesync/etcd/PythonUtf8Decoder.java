package dev.imagesync.etcd;

/**
 * Decodes UTF-8 the way Python's {@code bytes.decode('utf-8', 'replace')} does: each maximal invalid
 * subpart becomes one U+FFFD (Unicode §3.9, "substitution of maximal subparts"). The JDK's decoder differs on
 * encoded surrogates ({@code ED A0 80} gives one U+FFFD there, three in Python), and keys must unquote
 * exactly as Backend.AI's do.
 */
final class PythonUtf8Decoder {

    private static final char REPLACEMENT = '\uFFFD';

    private PythonUtf8Decoder() {
    }

    static String decode(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xFF;
            int length = sequenceLength(lead);
            if (length == 1) {
                text.append((char) lead);
                i++;
                continue;
            }
            if (length == 0) {
                text.append(REPLACEMENT);
                i++;
                continue;
            }
            int codePoint = lead & (0xFF >> (length + 1));
            int consumed = 1;
            while (consumed < length && i + consumed < bytes.length
                    && isValidContinuation(lead, consumed, bytes[i + consumed] & 0xFF)) {
                codePoint = (codePoint << 6) | (bytes[i + consumed] & 0x3F);
                consumed++;
            }
            if (consumed == length) {
                text.appendCodePoint(codePoint);
            } else {
                text.append(REPLACEMENT); // the truncated prefix is one maximal subpart
            }
            i += consumed;
        }
        return text.toString();
    }

    /** 1 for ASCII, 2 to 4 for a valid lead byte, 0 for a byte that can never start a sequence. */
    private static int sequenceLength(int lead) {
        if (lead < 0x80) {
            return 1;
        }
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 0;
    }

    /** The second byte's range depends on the lead (no overlongs, surrogates or code points past U+10FFFF). */
    private static boolean isValidContinuation(int lead, int position, int b) {
        if (position == 1) {
            switch (lead) {
                case 0xE0: return b >= 0xA0 && b <= 0xBF;
                case 0xED: return b >= 0x80 && b <= 0x9F;
                case 0xF0: return b >= 0x90 && b <= 0xBF;
                case 0xF4: return b >= 0x80 && b <= 0x8F;
                default: break;
            }
        }
        return b >= 0x80 && b <= 0xBF;
    }
}
