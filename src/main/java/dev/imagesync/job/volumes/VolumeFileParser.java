package dev.imagesync.job.volumes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.imagesync.catalog.CatalogKeys;
import dev.imagesync.job.imports.ImportFile;
import dev.imagesync.job.imports.ImportFileParser;
import dev.imagesync.job.imports.ImportProblems;
import dev.imagesync.job.imports.YamlNodes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Parses {@code volumes:} — a list of {@code {name, mount: {key: value}}} — checking each entry: shape and
 * types, empty or duplicate names, a name or mount key containing {@code /} (it would nest keys the manager
 * does not read), duplicate mount keys, unknown entry keys.
 */
public class VolumeFileParser implements ImportFileParser<VolumeEntry> {

    public static final String TOP_KEY = "volumes";

    @Override
    public List<VolumeEntry> parse(ImportFile file) {
        ImportProblems problems = new ImportProblems(file.path());
        List<VolumeEntry> entries = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        YamlNodes.topLevelList(file, TOP_KEY, problems).ifPresent(list -> {
            for (Node item : list.getValue()) {
                entry(item, problems).ifPresent(entry -> {
                    Integer earlier = firstLine.putIfAbsent(entry.name(), entry.line());
                    if (earlier != null) {
                        problems.at(entry.line(), "volume '" + entry.name() + "' is already defined on line " + earlier);
                    } else {
                        entries.add(entry);
                    }
                });
            }
        });
        problems.throwIfAny();
        return entries;
    }

    private static Optional<VolumeEntry> entry(Node item, ImportProblems problems) {
        int line = YamlNodes.line(item);
        if (!(item instanceof MappingNode mapping)) {
            problems.at(line, "expected a mapping {name, mount}, found " + YamlNodes.describe(item));
            return Optional.empty();
        }
        Map<String, Node> fields = new HashMap<>();
        boolean valid = true;
        for (NodeTuple field : mapping.getValue()) {
            String key = YamlNodes.string(field.getKeyNode()).orElse(YamlNodes.describe(field.getKeyNode()));
            if (!key.equals("name") && !key.equals("mount")) {
                problems.at(YamlNodes.line(field.getKeyNode()), "unknown key '" + key + "' (expected name, mount)");
                valid = false;
            }
            fields.put(key, field.getValueNode());
        }
        String name = fields.containsKey("name") ? name(fields.get("name"), problems) : missing(line, "name", problems);
        SortedMap<String, String> mount =
                fields.containsKey("mount") ? mount(fields.get("mount"), problems) : missing(line, "mount", problems);
        return valid && name != null && mount != null ? Optional.of(new VolumeEntry(name, mount, line)) : Optional.empty();
    }

    private static <T> T missing(int line, String field, ImportProblems problems) {
        problems.at(line, "volume has no '" + field + "'");
        return null;
    }

    private static String name(Node node, ImportProblems problems) {
        Optional<String> name = YamlNodes.string(node);
        if (name.isEmpty() || name.get().isBlank()) {
            problems.at(YamlNodes.line(node), "name must be a non-empty string, found " + YamlNodes.describe(node));
            return null;
        }
        if (name.get().contains("/")) {
            problems.at(YamlNodes.line(node), "volume name '" + name.get() + "' contains '/'");
            return null;
        }
        return name.get();
    }

    private static SortedMap<String, String> mount(Node node, ImportProblems problems) {
        if (!(node instanceof MappingNode options)) {
            problems.at(YamlNodes.line(node), "mount must be a mapping of option to value, found " + YamlNodes.describe(node));
            return null;
        }
        SortedMap<String, String> mount = new TreeMap<>();
        boolean valid = true;
        for (NodeTuple option : options.getValue()) {
            int line = YamlNodes.line(option.getKeyNode());
            Optional<String> key = YamlNodes.scalarText(option.getKeyNode());
            Optional<String> value = YamlNodes.scalarText(option.getValueNode());
            String problem = key.isEmpty() || key.get().isBlank() ? "mount option name must be a non-empty scalar"
                    : key.get().contains("/") ? "mount option '" + key.get() + "' contains '/'"
                    : mount.containsKey(key.get()) ? "mount option '" + key.get() + "' is given twice"
                    : value.isEmpty() ? "mount option '" + key.get() + "' must have a scalar value, found "
                            + YamlNodes.describe(option.getValueNode())
                    : null;
            if (problem != null) {
                problems.at(line, problem);
                valid = false;
            } else {
                mount.put(key.get(), value.get());
            }
        }
        return valid ? mount : null;
    }

    @Override
    public SortedMap<String, String> keysOf(VolumeEntry entry) {
        SortedMap<String, String> keys = new TreeMap<>();
        entry.mount().forEach((key, value) -> keys.put(CatalogKeys.volumeMount(entry.name(), key), value));
        return keys;
    }
}
