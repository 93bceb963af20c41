package dev.imagesync.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.junit.jupiter.api.Test;

class EtcdTransactionsTest {

    @Test
    void putBatches_sortsAndSplitsIntoSixteens() {
        Map<String, String> puts = new HashMap<>();
        for (int i = 39; i >= 0; i--) {
            puts.put(String.format("k%02d", i), "v" + i);
        }

        List<SortedMap<String, String>> batches = EtcdTransactions.putBatches(puts);

        assertThat(batches).extracting(Map::size).containsExactly(16, 16, 8);
        assertThat(batches.get(0).firstKey()).isEqualTo("k00");
        assertThat(batches.get(0).lastKey()).isEqualTo("k15");
        assertThat(batches.get(1).firstKey()).isEqualTo("k16");
        assertThat(batches.get(2).lastKey()).isEqualTo("k39");
        assertThat(batches.get(2).get("k39")).isEqualTo("v39");
    }

    @Test
    void putBatches_exactlySixteen_isOneBatch() {
        Map<String, String> puts = new HashMap<>();
        for (int i = 0; i < EtcdTransactions.MAX_OPS; i++) {
            puts.put("k" + i, "v");
        }
        assertThat(EtcdTransactions.putBatches(puts)).hasSize(1);
        assertThat(EtcdTransactions.putBatches(Map.of())).isEmpty();
    }

    @Test
    void deleteBatches_dropDuplicatesAndSort() {
        List<List<String>> batches = EtcdTransactions.deleteBatches(List.of("b", "a", "b", "c"));

        assertThat(batches).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void deleteBatches_splitIntoSixteens() {
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 33; i++) {
            keys.add(String.format("k%02d", i));
        }
        assertThat(EtcdTransactions.deleteBatches(keys)).extracting(List::size).containsExactly(16, 16, 1);
    }
}
