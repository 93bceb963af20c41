package dev.imagesync.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class AliasResolverTest {

    @AutoClose
    private final CatalogFixture fixture = new CatalogFixture();

    @Test
    void resolve_followsUpToEightHops() {
        chain(8);
        assertThat(fixture.aliases.resolve("a0").canonical()).isEqualTo("cr.example.com/stable/python:3.9");
    }

    @Test
    void resolve_failsAsALoopBeyondEightHops() {
        chain(9);
        assertThatThrownBy(() -> fixture.aliases.resolve("a0")).isInstanceOf(AliasLoopException.class)
                .hasMessage("alias 'a0' does not resolve within 8 hops (an alias loop?)");
    }

    @Test
    void resolve_failsOnACycle() {
        fixture.store.put(CatalogKeys.alias("x"), "y");
        fixture.store.put(CatalogKeys.alias("y"), "x");
        assertThatThrownBy(() -> fixture.aliases.resolve("x")).isInstanceOf(AliasLoopException.class);
    }

    @Test
    void resolve_usesConfiguredRegistriesAndQuotedAliasKeys() {
        fixture.registry("cr.example.com", "https://cr.example.com");
        fixture.store.put("images/_aliases/py%2F3.9", "cr.example.com/stable/python:3.9");

        assertThat(fixture.aliases.resolve("py/3.9").registry()).isEqualTo("cr.example.com");
        assertThat(fixture.aliases.resolve("cr.example.com/stable/r").canonical())
                .isEqualTo("cr.example.com/stable/r:latest");
    }

    private void chain(int hops) {
        fixture.registry("cr.example.com", "https://cr.example.com");
        for (int i = 0; i < hops - 1; i++) {
            fixture.store.put(CatalogKeys.alias("a" + i), "a" + (i + 1));
        }
        fixture.store.put(CatalogKeys.alias("a" + (hops - 1)), "cr.example.com/stable/python:3.9");
    }
}
