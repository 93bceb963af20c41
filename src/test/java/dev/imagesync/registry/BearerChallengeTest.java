package dev.imagesync.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BearerChallengeTest {

    @Test
    void parse_readsRealmServiceAndScope() {
        assertThat(BearerChallenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/python:pull\",error=\"invalid_token\""))
                .isEqualTo(new BearerChallenge("https://auth.docker.io/token", "registry.docker.io",
                        "repository:library/python:pull"));
    }

    @Test
    void parse_ignoresOtherSchemesAndMissingRealm() {
        assertThat(BearerChallenge.parse("Basic realm=\"Harbor\"")).isNull();
        assertThat(BearerChallenge.parse("Bearer service=\"x\"")).isNull();
        assertThat(BearerChallenge.parse(null)).isNull();
    }
}
