package dev.imagesync.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class EtcdTreeTest {

    @Test
    void fromPrefixRead_nestsComponentsAndUnquotesThem() {
        EtcdTree tree = EtcdTree.fromPrefixRead("config/docker/registry", pairs(
                "config/docker/registry/cr.backend.ai", "https://cr.backend.ai",
                "config/docker/registry/cr.backend.ai/type", "harbor2",
                "config/docker/registry/my%2Freg%20x/username", "alice"));

        assertThat(tree.asMap()).isEqualTo(Map.of(
                "cr.backend.ai", Map.of("", "https://cr.backend.ai", "type", "harbor2"),
                "my/reg x", Map.of("username", "alice")));
        assertThat(tree.childNames()).containsExactly("cr.backend.ai", "my/reg x");
    }

    @Test
    void prefixKeysOwnValue_isUnderEmptyKeyAtTheTop() {
        EtcdTree tree = EtcdTree.fromPrefixRead("images", pairs("images", "root", "images/a", "1"));

        assertThat(tree.asMap()).containsExactly(Map.entry("", "root"), Map.entry("a", "1"));
        assertThat(tree.ownValue()).contains("root");
        assertThat(tree.childNames()).containsExactly("a");
    }

    @Test
    void nodeWithValueAndChildren_keepsItsValueUnderEmptyKey() {
        EtcdTree tree = EtcdTree.fromPrefixRead("images", pairs(
                "images/reg/python", "1",
                "images/reg/python/3.9", "sha256:abc",
                "images/reg/python/3.9/size_bytes", "42"));

        Map<String, Object> python = map(map(tree.asMap().get("reg")).get("python"));
        assertThat(python).containsExactly(Map.entry("", "1"),
                Map.entry("3.9", Map.of("", "sha256:abc", "size_bytes", "42")));
        assertThat(tree.child("reg").flatMap(reg -> reg.text("python"))).contains("1");
    }

    @Test
    void childrenKeepAscendingKeyOrder() {
        EtcdTree tree = EtcdTree.fromPrefixRead("p", pairs("p/b", "2", "p/a", "1", "p/c/x", "3"));

        assertThat(List.copyOf(tree.asMap().keySet())).containsExactly("a", "b", "c");
    }

    @Test
    void leafChild_readsAsTreeWithOwnValueOnly() {
        EtcdTree tree = EtcdTree.fromPrefixRead("p", pairs("p/a", "1"));

        assertThat(tree.text("a")).contains("1");
        assertThat(tree.child("a").orElseThrow().childNames()).isEmpty();
        assertThat(tree.child("missing")).isEmpty();
        assertThat(tree.text("missing")).isEmpty();
    }

    @Test
    void keysOutsideThePrefix_areIgnored() {
        EtcdTree tree = EtcdTree.fromPrefixRead("p", pairs("other/a", "1", "p/a", "2", "p-x", "3", "px/a", "4"));

        assertThat(tree.asMap()).isEqualTo(Map.of("a", "2"));
    }

    @Test
    void emptyPrefix_takesEveryKey() {
        EtcdTree tree = EtcdTree.fromPrefixRead("", pairs("a", "1", "b/c", "2"));

        assertThat(tree.asMap()).isEqualTo(Map.of("a", "1", "b", Map.of("c", "2")));
    }

    @Test
    void emptyRead_isEmptyTree() {
        assertThat(EtcdTree.fromPrefixRead("p", new TreeMap<>()).isEmpty()).isTrue();
    }

    private static SortedMap<String, String> pairs(String... keysAndValues) {
        SortedMap<String, String> pairs = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            pairs.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return pairs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}
