package dev.imagesync.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.imagesync.etcd.JetcdKeyValueStore;
import dev.imagesync.etcd.JetcdKeyWatcher;
import dev.imagesync.image.ManagerStatus;
import dev.imagesync.image.SlotUnit;
import dev.imagesync.testsupport.LocalServices;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class SharedConfigTest {

    @AutoClose
    private final CatalogFixture fixture = new CatalogFixture();
    private final SharedConfig config = new SharedConfig(fixture.store);

    @Test
    void resourceSlots_areIntrinsicPlusConfigured() {
        assertThat(fixture.slots.all()).containsExactlyInAnyOrderEntriesOf(Map.of("cpu", SlotUnit.COUNT, "mem", SlotUnit.BYTES));
        fixture.store.put("config/resource_slots/cuda.mem", "bytes");

        assertThat(fixture.slots.all()).containsEntry("cuda.mem", SlotUnit.BYTES).hasSize(3);
    }

    @Test
    void updateResourceSlots_writesOnlyWhatChanged() {
        fixture.store.put("config/resource_slots/cuda.device", "count");
        long revision = LocalServices.etcd().revision();

        assertThat(fixture.slots.update(Map.of("cpu", SlotUnit.COUNT, "cuda.device", SlotUnit.COUNT))).isEmpty();
        assertThat(LocalServices.etcd().revision()).isEqualTo(revision);

        assertThat(fixture.slots.update(Map.of("cuda.device", SlotUnit.BYTES, "tpu", SlotUnit.COUNT, "mem", SlotUnit.BYTES)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("cuda.device", SlotUnit.BYTES, "tpu", SlotUnit.COUNT));
        assertThat(fixture.store.getPrefix("config/resource_slots")).containsExactlyInAnyOrderEntriesOf(
                Map.of("config/resource_slots/cuda.device", "bytes", "config/resource_slots/tpu", "count"));
    }

    @Test
    void vfolderTypes_defaultToUser() {
        assertThat(config.vfolderTypes()).containsExactly("user");
        fixture.store.put("volumes/_types/group", "");
        fixture.store.put("volumes/_types/user", "");
        assertThat(config.vfolderTypes()).containsExactly("group", "user");
    }

    @Test
    void managerStatus_roundTripsAndRejectsUnknownValues() {
        ManagerState state = new ManagerState(fixture.store, (key, change, error) -> () -> { });
        assertThat(state.status()).isEmpty();
        state.setStatus(ManagerStatus.FROZEN);
        assertThat(fixture.store.get("manager/status")).contains("frozen");
        assertThat(state.status()).contains(ManagerStatus.FROZEN);
        fixture.store.put("manager/status", "sleeping");
        assertThatThrownBy(state::status).hasMessageStartingWith("manager/status: unknown manager status 'sleeping'");
    }

    @Test
    void watchStatus_seesAChangeMadeByAnotherClient() throws Exception {
        BlockingQueue<Optional<String>> seen = new LinkedBlockingQueue<>();
        try (JetcdKeyWatcher watcher = new JetcdKeyWatcher(fixture.store.properties());
             JetcdKeyValueStore otherClient = new JetcdKeyValueStore(fixture.store.properties())) {
            ManagerState state = new ManagerState(fixture.store, watcher);
            try (AutoCloseable watch = state.watchStatus(seen::add, error -> { })) {
                Thread.sleep(300); // let the watch register before the writes it must see
                otherClient.put("manager/status", "running");
                otherClient.put("manager/other", "ignored");
                otherClient.delete("manager/status");

                assertThat(seen.poll(5, TimeUnit.SECONDS)).contains("running");
                assertThat(seen.poll(5, TimeUnit.SECONDS)).isEmpty();
            }
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void managerNodes_listInstances() {
        fixture.store.put("nodes/manager/i-abc", "up");
        fixture.store.put("nodes/manager/i-def", "up");
        assertThat(config.managerNodes()).containsExactlyInAnyOrderEntriesOf(Map.of("i-abc", "up", "i-def", "up"));
    }

    @Test
    void get_fallsBackToDefaultsAndNamesMissingRequiredKeys() {
        assertThat(config.allowedOrigins()).isEqualTo("*");
        fixture.store.put("config/api/allow-origins", "https://a.example.com");
        assertThat(config.allowedOrigins()).isEqualTo("https://a.example.com");
        assertThat(config.get("config/docker/image/auto_pull")).contains("digest");
        assertThat(config.get("config/nothing")).isEmpty();
        assertThatThrownBy(() -> config.require("config/nothing"))
                .isInstanceOf(RequiredConfigMissingException.class)
                .hasMessage("required config missing: config/nothing");
    }

    @Test
    void redisUrl_composesAddressAndHidesThePassword() {
        assertThat(config.redisUrl(3).toString()).isEqualTo("redis://127.0.0.1:6379/3");
        fixture.store.put("config/redis/addr", "redis.internal:6380");
        fixture.store.put("config/redis/password", "p@ss/word");

        RedisUrl url = config.redisUrl(3);

        assertThat(url.toString()).isEqualTo("redis://:***@redis.internal:6380/3").doesNotContain("p@ss");
        assertThat(url.toUri().toString()).isEqualTo("redis://:p%40ss%2Fword@redis.internal:6380/3");
        assertThat(RedisUrl.of("[::1]:7000", null, 0).toString()).isEqualTo("redis://[::1]:7000/0");
        assertThatThrownBy(() -> RedisUrl.of("host:99999", null, 0))
                .hasMessage("redis address 'host:99999' has an invalid port '99999'");
    }
}
