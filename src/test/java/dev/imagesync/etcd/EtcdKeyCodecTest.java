package dev.imagesync.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values come from CPython 3: {@code urllib.parse.quote(x, safe='')} and {@code unquote(x)}. */
class EtcdKeyCodecTest {

    @ParameterizedTest(name = "quote({0}) = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "a b|a%20b",
            "~|~",
            "*|%2A",
            "+|%2B",
            "%|%25",
            ":|%3A",
            "/|%2F",
            "cr.backend.ai|cr.backend.ai",
            "한글|%ED%95%9C%EA%B8%80",
            "é|%C3%A9",
            "\uD83D\uDE00|%F0%9F%98%80",
            "_.-|_.-",
            "!'()|%21%27%28%29",
            "a/b c|a%2Fb%20c",
            "AZaz09|AZaz09",
    })
    void quote_matchesPythonQuoteWithNothingSafe(String text, String quoted) {
        assertThat(EtcdKeyCodec.quote(text)).isEqualTo(quoted);
    }

    @Test
    void quote_neverUsesPlusForSpace() {
        assertThat(EtcdKeyCodec.quote("a b+c")).isEqualTo("a%20b%2Bc");
    }

    @ParameterizedTest(name = "unquote({0}) = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "%e2%82%ac|€",
            "%E2%82%AC|€",
            "a+b|a+b",
            "%|%",
            "%4|%4",
            "%zz|%zz",
            "100%|100%",
            "ab%2|ab%2",
            "%%41|%A",
            "a%2Fb%20c|a/b c",
            "plain|plain",
            "%ED%95%9C%EA%B8%80|한글",
    })
    void unquote_matchesPythonUnquote(String quoted, String text) {
        assertThat(EtcdKeyCodec.unquote(quoted)).isEqualTo(text);
    }

    @ParameterizedTest(name = "unquote({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
            "%E2%82|\uFFFD",
            "%FF%FE|\uFFFD\uFFFD",
            "%C3%28|\uFFFD(",
            "%F0%9F%98|\uFFFD",
            "x%E2y|x\uFFFDy",
            "%ED%A0%80|\uFFFD\uFFFD\uFFFD",
            "%C0%AF|\uFFFD\uFFFD",
            "%E0%80%AF|\uFFFD\uFFFD\uFFFD",
            "%F4%90%80%80|\uFFFD\uFFFD\uFFFD\uFFFD",
            "%F0%9F%98%80%80|\uD83D\uDE00\uFFFD",
    })
    void unquote_replacesEachMaximalInvalidSubpartLikePython(String quoted, String text) {
        assertThat(EtcdKeyCodec.unquote(quoted)).isEqualTo(text);
    }

    @Test
    void unquoteOfQuote_isIdentity_forRandomStrings() {
        Random random = new Random(20260517);
        for (int i = 0; i < 2000; i++) {
            String text = randomText(random, random.nextInt(12));
            String quoted = EtcdKeyCodec.quote(text);
            assertThat(quoted).matches("[A-Za-z0-9_.~%-]*");
            assertThat(EtcdKeyCodec.unquote(quoted)).as("round trip of %s", quoted).isEqualTo(text);
        }
    }

    /** Mixes ASCII (with the characters that need quoting), BMP letters and supplementary characters. */
    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        String ascii = " /%+:*~_.-aZ09?&=#";
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> text.append(ascii.charAt(random.nextInt(ascii.length())));
                case 1 -> text.append((char) (0x20 + random.nextInt(0x5F)));
                case 2 -> text.append((char) (0xAC00 + random.nextInt(0x2BA4)));
                default -> text.appendCodePoint(0x1F600 + random.nextInt(0x50));
            }
        }
        return text.toString();
    }
}
