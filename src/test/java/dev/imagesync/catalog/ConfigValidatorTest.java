package dev.imagesync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {

    @AutoClose
    private final CatalogFixture fixture = new CatalogFixture();
    private final ConfigValidator validator = new ConfigValidator(fixture.store, fixture.slots);

    @Test
    void validConfig_hasNoProblems() {
        fixture.registry("cr.backend.ai", "https://cr.backend.ai");
        fixture.store.put("config/docker/registry/cr.backend.ai/type", "harbor2");
        fixture.store.put("config/docker/registry/cr.backend.ai/ssl-verify", "no");
        fixture.store.put("config/resource_slots/cuda.mem", "bytes");
        fixture.store.put("config/redis/addr", "127.0.0.1:6379");

        assertThat(validator.validate()).isEmpty();
    }

    @Test
    void everyInvalidKey_isListedWithItsReason() {
        fixture.registry("cr.backend.ai", "cr.backend.ai");
        fixture.store.put("config/docker/registry/cr.backend.ai/type", "quay");
        fixture.store.put("config/docker/registry/cr.backend.ai/ssl-verify", "maybe");
        fixture.registry("local:5000", "http://user:secret@127.0.0.1:5000");
        fixture.store.put("config/docker/registry/nourl/username", "bob");
        fixture.store.put("config/resource_slots/cuda.mem", "gigabytes");
        fixture.store.put("config/redis/addr", "redis:port");

        assertThat(validator.validate()).extracting(ConfigProblem::toString).containsExactly(
                "config/docker/registry/cr.backend.ai: URL 'cr.backend.ai' needs an http:// or https:// scheme",
                "config/docker/registry/cr.backend.ai/ssl-verify: 'maybe' is not a boolean (true/false, yes/no, on/off, 1/0)",
                "config/docker/registry/cr.backend.ai/type: unknown registry type 'quay' (expected docker, harbor or harbor2)",
                "config/docker/registry/nourl: no registry URL (the key itself has no value)",
                "config/redis/addr: redis address 'redis:port' has an invalid port 'port'",
                "config/resource_slots/cuda.mem: unknown slot unit 'gigabytes' (expected count or bytes)");
    }
}
