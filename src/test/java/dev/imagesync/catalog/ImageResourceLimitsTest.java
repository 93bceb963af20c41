package dev.imagesync.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SortedMap;

import dev.imagesync.image.SlotRange;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImageResourceLimitsTest {

    private static final String IMAGE = "cr.example.com/stable/python:3.9";
    private static final String TAG_PATH = "images/cr.example.com/stable%2Fpython/3.9";

    @AutoClose
    private final CatalogFixture fixture = new CatalogFixture();

    @BeforeEach
    void setUp() {
        fixture.registry("cr.example.com", "https://cr.example.com");
        fixture.image("cr.example.com", "stable/python", "3.9", Map.of("ai.backend.resource.min.mem", "256m",
                "ai.backend.resource.min.cpu", "1", "ai.backend.resource.min.tpu.device", "1"));
        fixture.store.put("config/resource_slots/cuda.device", "count");
    }

    @Test
    void set_writesEitherSideAsTyped() {
        assertThat(fixture.limits().set(IMAGE, "mem", ":2g"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(TAG_PATH + "/resource/mem/max", "2g"));
        fixture.limits().set(IMAGE, "cuda.device", "1:4");

        assertThat(fixture.store.get(TAG_PATH + "/resource/mem/min")).contains("256m");
        assertThat(fixture.store.get(TAG_PATH + "/resource/mem/max")).contains("2g");
        assertThat(fixture.store.get(TAG_PATH + "/resource/cuda.device/min")).contains("1");
        assertThat(fixture.store.get(TAG_PATH + "/resource/cuda.device/max")).contains("4");
    }

    @Test
    void set_rejectsUnknownImagesSlotsAndBadNumbers() {
        long keys = fixture.store.getPrefix("images").size();
        assertThatThrownBy(() -> fixture.limits().set("cr.example.com/stable/python:2.7", "cpu", "1:2"))
                .isInstanceOf(UnknownImageException.class)
                .hasMessage("unknown image 'cr.example.com/stable/python:2.7'");
        assertThatThrownBy(() -> fixture.limits().set(IMAGE, "tpu.device", "1:2"))
                .hasMessageStartingWith("unknown resource slot 'tpu.device' (known: cpu, cuda.device, mem;");
        assertThatThrownBy(() -> fixture.limits().set(IMAGE, "cpu", "one:2"))
                .hasMessage("range 'one:2': 'one' is not a number");
        assertThatThrownBy(() -> fixture.limits().set(IMAGE, "mem", "2g:1g"))
                .hasMessage("range '2g:1g' has its minimum above its maximum");
        assertThat(fixture.store.getPrefix("images")).hasSize((int) keys);
    }

    @Test
    void slotRanges_parsesBytesIgnoresUnknownSlotsAndFillsDefaults() {
        fixture.limits().set(IMAGE, "mem", ":1.5G");

        SortedMap<String, SlotRange> ranges = fixture.limits().slotRanges(IMAGE);

        assertThat(ranges).containsOnlyKeys("cpu", "cuda.device", "mem");
        assertThat(ranges.get("mem").min().toString()).isEqualTo("268435456");
        assertThat(ranges.get("mem").max().toString()).isEqualTo("1610612736");
        assertThat(ranges.get("cpu").min().toString()).isEqualTo("1");
        assertThat(ranges.get("cpu").max().isUnlimited()).isTrue();
        assertThat(ranges.get("cuda.device")).isEqualTo(SlotRange.UNBOUNDED);
    }
}
