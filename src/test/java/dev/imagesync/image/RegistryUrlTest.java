package dev.imagesync.image;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryUrlTest {

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:5000", "https://cr.backend.ai", "HTTPS://cr.backend.ai/v2"})
    void httpAndHttpsUrlsWithAHost_areRegistryUrls(String text) {
        assertThat(RegistryUrl.parse(text)).isEqualTo(URI.create(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cr.backend.ai                   | URL 'cr.backend.ai' needs an http:// or https:// scheme",
            "ftp://cr.backend.ai             | URL 'ftp://cr.backend.ai' needs an http:// or https:// scheme",
            "https://                        | URL 'https://' is malformed",
            "https:///v2                     | URL 'https:///v2' has no host",
            "https://admin:S3cret@cr.x/a b   | URL 'https://cr.x/a b' is malformed"})
    void anythingElse_isRefusedInOneLine_withoutItsUserInfo(String text, String message) {
        assertThatThrownBy(() -> RegistryUrl.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
