package dev.imagesync.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImageCatalogTest {

    @AutoClose
    private CatalogFixture fixture;
    private String registry;

    @BeforeEach
    void setUp() {
        fixture = new CatalogFixture();
        // Redis is shared by all tests: a registry name of our own keeps the SETs apart.
        registry = "cr-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        fixture.registry(registry, "https://" + registry);
        fixture.image(registry, "stable/python", "3.9", Map.of("ai.backend.kernelspec", "1",
                "ai.backend.accelerators", "cuda,rocm", "ai.backend.resource.min.mem", "256m"));
        fixture.image(registry, "stable/python", "3.9-beta", Map.of("ai.backend.kernelspec", "1"));
        fixture.image(registry, "stable/r", "4.1", Map.of("ai.backend.kernelspec", "1"));
    }

    @Test
    void list_joinsReverseAliasesLimitsAndInstalledAgents() {
        String python = registry + "/stable/python:3.9";
        fixture.store.put(CatalogKeys.alias("py"), python);
        fixture.store.put(CatalogKeys.alias("py/stable"), python);
        fixture.redis.opsForSet().add(python, "i-agent2", "i-agent1");

        ImageCatalog.Listing listing = fixture.catalog().list();

        assertThat(listing.warning()).isNull();
        assertThat(listing.images()).extracting(ImageEntry::canonical)
                .containsExactly(python, registry + "/stable/python:3.9-beta", registry + "/stable/r:4.1");
        ImageEntry entry = listing.images().get(0);
        assertThat(entry.aliases()).containsExactly("py", "py/stable");
        assertThat(entry.installed()).isTrue();
        assertThat(entry.installedAgents()).containsExactly("i-agent1", "i-agent2");
        assertThat(entry.digest()).startsWith("sha256:");
        assertThat(entry.sizeBytes()).isEqualTo(1234);
        assertThat(entry.labels()).containsEntry("ai.backend.kernelspec", "1");
        assertThat(entry.supportedAccelerators()).containsExactly("cuda", "rocm");
        assertThat(entry.resourceLimits()).containsExactly(new ImageEntry.ResourceLimit("mem", "256m", "Infinity"));
        ImageEntry notInstalled = listing.images().get(2);
        assertThat(notInstalled.installed()).isFalse();
        assertThat(notInstalled.installedAgents()).isEmpty();
        assertThat(notInstalled.aliases()).isEmpty();
    }

    @Test
    void list_findsAliasesWrittenInShortForm() {
        fixture.image("index.docker.io", "lablup/python", "3.9", Map.of());
        fixture.store.put(CatalogKeys.alias("python"), "python:3.9");

        assertThat(fixture.catalog().list().images())
                .filteredOn(image -> image.registry().equals("index.docker.io"))
                .singleElement().extracting(ImageEntry::aliases).isEqualTo(List.of("python"));
    }

    @Test
    void list_withRedisDown_stillListsWithInstalledUnknownAndAWarning() {
        try (CatalogFixture noRedis = new CatalogFixture(FreePort.unused())) {
            noRedis.image("cr.example.com", "python", "3.9", Map.of());

            ImageCatalog.Listing listing = noRedis.catalog().list();

            assertThat(listing.images()).singleElement().satisfies(image -> {
                assertThat(image.installed()).isNull();
                assertThat(image.installedAgents()).isNull();
            });
            assertThat(listing.warning()).startsWith("Redis image index at test redis is unavailable: ");
        }
    }

    @Test
    void inspect_resolvesAnAliasAndReportsOneImage() {
        fixture.store.put(CatalogKeys.alias("r"), registry + "/stable/r:4.1");

        ImageCatalog.Listing listing = fixture.catalog().inspect("r");

        assertThat(listing.images()).singleElement().satisfies(image -> {
            assertThat(image.canonical()).isEqualTo(registry + "/stable/r:4.1");
            assertThat(image.aliases()).containsExactly("r");
        });
    }

    @Test
    void inspect_unknownImage_isAnErrorNamingTheReference() {
        assertThatThrownBy(() -> fixture.catalog().inspect(registry + "/stable/python:2.7"))
                .isInstanceOf(UnknownImageException.class)
                .hasMessage("unknown image '" + registry + "/stable/python:2.7'");
        assertThatThrownBy(() -> fixture.catalog().inspect("python"))
                .hasMessage("unknown image 'python' (resolved to index.docker.io/lablup/python:latest)");
    }

    @Test
    void forget_deletesOnlyThatTagsSubtree() {
        String tagPath = "images/" + registry + "/stable%2Fpython/3.9";
        long before = fixture.store.getPrefix(tagPath).size();

        ImageCatalog.Forgotten forgotten = fixture.catalog().forget(registry + "/stable/python:3.9");

        assertThat(forgotten.deletedKeys()).isEqualTo(before);
        assertThat(fixture.store.getPrefix(tagPath)).isEmpty();
        assertThat(fixture.store.get(tagPath + "-beta")).isPresent();
        assertThat(fixture.store.get("images/" + registry + "/stable%2Fpython")).contains("1");
        assertThat(fixture.store.get("images/" + registry + "/stable%2Fr/4.1")).isPresent();
        assertThatThrownBy(() -> fixture.catalog().forget(registry + "/stable/python:3.9"))
                .isInstanceOf(UnknownImageException.class);
    }

    @Test
    void aliasAndDealias_roundTrip() {
        ImageCatalog catalog = fixture.catalog();

        catalog.alias("cr/python", registry + "/stable/python:3.9");

        assertThat(fixture.store.get("images/_aliases/cr%2Fpython")).contains(registry + "/stable/python:3.9");
        assertThat(catalog.inspect("cr/python").images().get(0).aliases()).containsExactly("cr/python");
        assertThat(catalog.dealias("cr/python")).isTrue();
        assertThat(catalog.dealias("cr/python")).isFalse();
        assertThat(fixture.store.getPrefix(CatalogKeys.ALIASES)).isEmpty();
    }

    @Test
    void alias_rejectsSelfTargetsAndInvalidReferences() {
        assertThatThrownBy(() -> fixture.catalog().alias("x", "x")).hasMessage("alias 'x' targets itself");
        assertThatThrownBy(() -> fixture.catalog().alias("x", "https://x/y"))
                .hasMessage("invalid image reference 'https://x/y': a reference has no protocol scheme");
        assertThat(fixture.store.getPrefix(CatalogKeys.ALIASES)).isEmpty();
    }
}
