package dev.imagesync.job.imports;

import java.io.StringReader;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads import files as SnakeYAML node trees, which keep every node's line, so each problem can be reported
 * where it is. Only the node API is used: nothing is constructed into objects.
 */
public final class YamlNodes {

    private YamlNodes() {
    }

    /** The sequence under {@code topKey} of the file's one mapping, or empty after recording why not. */
    public static Optional<SequenceNode> topLevelList(ImportFile file, String topKey, ImportProblems problems) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(file.text()));
        } catch (MarkedYAMLException syntax) {
            int line = syntax.getProblemMark() == null ? 1 : syntax.getProblemMark().getLine() + 1;
            problems.at(line, "YAML syntax: " + syntax.getProblem());
            return Optional.empty();
        } catch (YAMLException syntax) {
            problems.at(1, "YAML syntax: " + syntax.getMessage().replaceAll("\\s+", " "));
            return Optional.empty();
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.at(root == null ? 1 : line(root), "expected a mapping with the key '" + topKey + "'");
            return Optional.empty();
        }
        for (NodeTuple entry : mapping.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode key && key.getValue().equals(topKey)) {
                if (entry.getValueNode() instanceof SequenceNode list) {
                    return Optional.of(list);
                }
                problems.at(line(entry.getValueNode()), "'" + topKey + "' must be a list");
                return Optional.empty();
            }
        }
        problems.at(line(root), "no top-level key '" + topKey + "'");
        return Optional.empty();
    }

    /** 1-based line where the node starts. */
    public static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** The node's text when it is a plain string scalar, else empty. */
    public static Optional<String> string(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR)
                ? Optional.of(scalar.getValue()) : Optional.empty();
    }

    /** The node's text when it is a string, number or boolean scalar, else empty. */
    public static Optional<String> scalarText(Node node) {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
            return Optional.of(scalar.getValue());
        }
        return Optional.empty();
    }

    /** What a node is, for messages: "a string", "a list", "null", "int 3". */
    public static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.getTag().equals(Tag.NULL)) {
            return "empty";
        }
        return scalar.getTag().getValue().replace(Tag.PREFIX, "") + " '" + scalar.getValue() + "'";
    }
}
