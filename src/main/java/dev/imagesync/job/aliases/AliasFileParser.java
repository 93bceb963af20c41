package dev.imagesync.job.aliases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.imagesync.catalog.AliasRules;
import dev.imagesync.catalog.CatalogKeys;
import dev.imagesync.catalog.KnownRegistries;
import dev.imagesync.job.imports.ImportFile;
import dev.imagesync.job.imports.ImportFileParser;
import dev.imagesync.job.imports.ImportProblems;
import dev.imagesync.job.imports.YamlNodes;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Parses {@code aliases:} — a list of {@code [alias, target]} string pairs — checking every pair: shape and
 * types, empty or duplicate aliases, an alias that targets itself, a target that is not an image reference
 * (with the registries configured in etcd deciding what a registry is).
 */
public class AliasFileParser implements ImportFileParser<AliasEntry> {

    public static final String TOP_KEY = "aliases";

    private final KnownRegistries registries;

    public AliasFileParser(KnownRegistries registries) {
        this.registries = registries;
    }

    @Override
    public List<AliasEntry> parse(ImportFile file) {
        ImportProblems problems = new ImportProblems(file.path());
        List<AliasEntry> entries = new ArrayList<>();
        Optional<SequenceNode> list = YamlNodes.topLevelList(file, TOP_KEY, problems);
        if (list.isPresent()) {
            Set<String> known = registries.names();
            Map<String, Integer> firstLine = new HashMap<>();
            for (Node item : list.get().getValue()) {
                pair(item, problems).ifPresent(entry -> {
                    String problem = AliasRules.problem(entry.alias(), entry.target(), known);
                    Integer earlier = firstLine.putIfAbsent(entry.alias(), entry.line());
                    if (problem != null) {
                        problems.at(entry.line(), problem);
                    } else if (earlier != null) {
                        problems.at(entry.line(), "alias '" + entry.alias() + "' is already defined on line " + earlier);
                    } else {
                        entries.add(entry);
                    }
                });
            }
        }
        problems.throwIfAny();
        return entries;
    }

    private static Optional<AliasEntry> pair(Node item, ImportProblems problems) {
        int line = YamlNodes.line(item);
        if (!(item instanceof SequenceNode pair) || pair.getValue().size() != 2) {
            problems.at(line, "expected a pair [alias, target], found " + YamlNodes.describe(item)
                    + (item instanceof SequenceNode list ? " of " + list.getValue().size() + " items" : ""));
            return Optional.empty();
        }
        Optional<String> alias = YamlNodes.string(pair.getValue().get(0));
        Optional<String> target = YamlNodes.string(pair.getValue().get(1));
        if (alias.isEmpty()) {
            problems.at(line, "alias must be a string, found " + YamlNodes.describe(pair.getValue().get(0)));
        }
        if (target.isEmpty()) {
            problems.at(line, "target must be a string, found " + YamlNodes.describe(pair.getValue().get(1)));
        }
        if (alias.isEmpty() || target.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AliasEntry(alias.get(), target.get(), line));
    }

    @Override
    public SortedMap<String, String> keysOf(AliasEntry entry) {
        return new TreeMap<>(Map.of(CatalogKeys.alias(entry.alias()), entry.target()));
    }
}
