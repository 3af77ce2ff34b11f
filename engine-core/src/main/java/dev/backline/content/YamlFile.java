package dev.backline.content;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML data file being read: parses it to SnakeYAML nodes, which keep their line numbers, and files
 * problems against it.
 */
final class YamlFile {
    private final Path path;
    private final List<Problem> problems;

    YamlFile(Path path, List<Problem> problems) {
        this.path = path;
        this.problems = problems;
    }

    Path path() {
        return path;
    }

    /** The document's root node; empty when the file cannot be read, is not valid YAML or is empty (reported). */
    Optional<Node> parse() {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Node root = new Yaml().compose(reader);
            if (root == null || isNull(root)) {
                reportAt(1, "the file is empty");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            reportAt(mark == null ? 1 : mark.getLine() + 1, "YAML syntax error: " + e.getProblem() + context);
        } catch (YAMLException e) {
            reportAt(1, "cannot read the YAML: " + e.getMessage());
        } catch (IOException e) {
            reportAt(1, "cannot read the file: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** How many problems have been reported so far, across all files; to tell whether a step added any. */
    int reported() {
        return problems.size();
    }

    SourceLocation at(Node node) {
        return SourceLocation.of(path, node.getStartMark().getLine() + 1);
    }

    void report(Node node, String message) {
        problems.add(Problem.at(at(node), message));
    }

    void reportAt(int line, String message) {
        problems.add(Problem.at(SourceLocation.of(path, line), message));
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    /** What a node holds, in words for error messages: "a list", "a number", ... */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Tag tag = node.getTag();
        if (Tag.STR.equals(tag)) {
            return "a string";
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return "a number";
        }
        if (Tag.BOOL.equals(tag)) {
            return "true/false";
        }
        if (Tag.NULL.equals(tag)) {
            return "empty";
        }
        if (Tag.TIMESTAMP.equals(tag)) {
            return "a date";
        }
        return "a value tagged " + tag;
    }

    /** A hint for scalars that YAML read as something other than the string the author meant. */
    static String quoteHint(Node node) {
        return node instanceof ScalarNode && !isNull(node) ? " (put it in quotes)" : "";
    }
}
