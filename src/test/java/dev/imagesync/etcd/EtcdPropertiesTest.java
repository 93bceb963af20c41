package dev.imagesync.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class EtcdPropertiesTest {

    @Test
    void nothingSet_givesTheDefaults() {
        EtcdProperties properties = bind(Map.of());

        assertThat(properties.endpoints()).containsExactly("http://127.0.0.1:2379");
        assertThat(properties.namespace()).isEqualTo("local");
        assertThat(properties.keyRoot()).isEqualTo("/sorna/local/");
        assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.hasCredentials()).isFalse();
    }

    @Test
    void bindsCommaSeparatedEndpointsAndDurations() {
        EtcdProperties properties = bind(Map.of(
                "imagesync.etcd.endpoints", "http://10.0.0.1:2379,http://10.0.0.2:2379",
                "imagesync.etcd.namespace", "prod",
                "imagesync.etcd.user", "root",
                "imagesync.etcd.password", "hunter2",
                "imagesync.etcd.timeout", "1500ms"));

        assertThat(properties.endpoints()).containsExactly("http://10.0.0.1:2379", "http://10.0.0.2:2379");
        assertThat(properties.keyRoot()).isEqualTo("/sorna/prod/");
        assertThat(properties.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(properties.hasCredentials()).isTrue();
    }

    @Test
    void toString_masksThePassword() {
        EtcdProperties properties = new EtcdProperties(List.of("http://e:2379"), "n", "root", "hunter2", null);

        assertThat(properties.toString()).doesNotContain("hunter2").contains("password=<hidden>").contains("user=root");
    }

    @Test
    void nonPositiveTimeout_isRejected() {
        assertThatThrownBy(() -> new EtcdProperties(null, null, null, null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    }

    private static EtcdProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("imagesync.etcd", EtcdProperties.class);
    }
}
