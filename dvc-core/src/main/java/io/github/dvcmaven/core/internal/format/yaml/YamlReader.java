package io.github.dvcmaven.core.internal.format.yaml;

import io.github.dvcmaven.core.internal.format.FormatException;
import io.github.dvcmaven.core.internal.py.RawScalar;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML as dvc does (ruamel, YAML 1.2 core schema): {@code yes}/{@code on} stay strings, duplicate
 * keys are an error, merge keys work. SnakeYAML parses; typing is ours ({@link Yaml12}). Every error
 * names the file and line.
 */
public final class YamlReader {
    private YamlReader() {}

    public static YamlDocument read(Path file, String displayName) {
        return read(file, displayName, false);
    }

    /**
     * {@code preserveFloats}: floats come back as {@link RawScalar} keeping their spelling, as dvc's
     * round-trip loader keeps it when it rewrites a file (dvc.lock entries it does not touch).
     */
    public static YamlDocument read(Path file, String displayName, boolean preserveFloats) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FormatException(displayName, 0, "is not valid UTF-8", e);
        } catch (IOException e) {
            throw new FormatException(displayName, 0, "cannot be read: " + e.getMessage(), e);
        }
        return parse(text, displayName, preserveFloats);
    }

    public static YamlDocument parse(String text, String source) {
        return parse(text, source, false);
    }

    public static YamlDocument parse(String text, String source, boolean preserveFloats) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setMaxAliasesForCollections(1000);
        options.setNestingDepthLimit(MAX_DEPTH);
        Yaml yaml = new Yaml(
                new org.yaml.snakeyaml.constructor.SafeConstructor(options),
                new Representer(new DumperOptions()),
                new DumperOptions(),
                options,
                new PlainStringResolver());
        Node node;
        try {
            node = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new FormatException(source, mark == null ? 0 : mark.getLine() + 1, "invalid YAML: " + problem, e);
        } catch (YAMLException e) {
            throw new FormatException(source, 0, "invalid YAML: " + e.getMessage(), e);
        }
        Builder b = new Builder(source, preserveFloats);
        Object root = node == null ? null : b.value(node);
        new ExpansionCheck(source, b.lines).size(root, 0);
        return new YamlDocument(source, root, b.lines, b.keyLines);
    }

    /** Values a document may expand to once its aliases are copied out, as templating and writers do. */
    public static final long MAX_EXPANDED_VALUES = 1_000_000;
    /** How deep mappings and lists may nest (snakeyaml's own limit is 50 collections). */
    public static final int MAX_DEPTH = 200;

    /**
     * Aliases share one value, so a 500-byte "billion laughs" document parses in microseconds and
     * then makes every copy or walk of it run for hours; an alias inside its own anchor makes a cycle
     * that no copy ends. Both are refused here, with the line, in time linear in the document.
     */
    private static final class ExpansionCheck {
        private final String source;
        private final IdentityHashMap<Object, Integer> lines;
        private final IdentityHashMap<Object, Long> sizes = new IdentityHashMap<>();
        private final Set<Object> open = Collections.newSetFromMap(new IdentityHashMap<>());

        ExpansionCheck(String source, IdentityHashMap<Object, Integer> lines) {
            this.source = source;
            this.lines = lines;
        }

        long size(Object value, int depth) {
            if (!(value instanceof Map) && !(value instanceof List)) {
                return 1;
            }
            Long known = sizes.get(value);
            if (known != null) {
                return known;
            }
            int line = lines.getOrDefault(value, 0);
            if (!open.add(value)) {
                throw new FormatException(
                        source, line, "an alias refers to a value that contains it (a recursive anchor)");
            }
            if (depth > MAX_DEPTH) {
                throw new FormatException(source, line, "values nest more than " + MAX_DEPTH + " levels deep");
            }
            long total = 1;
            Iterable<?> children = value instanceof Map<?, ?> m ? m.values() : (List<?>) value;
            for (Object child : children) {
                total += size(child, depth + 1);
                if (total > MAX_EXPANDED_VALUES) {
                    throw new FormatException(
                            source,
                            line,
                            "aliases expand this to more than " + MAX_EXPANDED_VALUES
                                    + " values (an alias bomb?): refused");
                }
            }
            open.remove(value);
            sizes.put(value, total);
            return total;
        }
    }

    /** Resolves every plain scalar to str; {@link Yaml12} types them afterwards. */
    private static final class PlainStringResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // deliberately none: YAML 1.2 typing is applied by the Builder
        }
    }

    private static final class Builder {
        final String source;
        final boolean preserveFloats;
        final IdentityHashMap<Object, Integer> lines = new IdentityHashMap<>();
        final IdentityHashMap<Object, Map<Object, Integer>> keyLines = new IdentityHashMap<>();
        final IdentityHashMap<Node, Object> built = new IdentityHashMap<>();

        Builder(String source, boolean preserveFloats) {
            this.source = source;
            this.preserveFloats = preserveFloats;
        }

        Object value(Node node) {
            Object done = built.get(node);
            if (done != null) {
                return done;
            }
            if (node instanceof ScalarNode s) {
                return scalar(s);
            }
            if (node instanceof SequenceNode seq) {
                List<Object> list = new ArrayList<>();
                built.put(node, list);
                lines.put(list, line(node));
                for (Node item : seq.getValue()) {
                    list.add(value(item));
                }
                return list;
            }
            MappingNode mapNode = (MappingNode) node;
            Map<Object, Object> map = new LinkedHashMap<>();
            Map<Object, Integer> keys = new HashMap<>();
            built.put(node, map);
            lines.put(map, line(node));
            keyLines.put(map, keys);
            for (NodeTuple t : mapNode.getValue()) {
                Node k = t.getKeyNode();
                if (k instanceof ScalarNode ks
                        && ks.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                        && "<<".equals(ks.getValue())) {
                    merge(map, keys, t.getValueNode());
                    continue;
                }
                Object key = value(k);
                if (key instanceof Map || key instanceof List) {
                    throw new FormatException(source, line(k), "unsupported complex mapping key");
                }
                if (keys.containsKey(key) && !mergedOnly(keys, key)) {
                    throw new FormatException(source, line(k), "found duplicate key \"" + key + "\"");
                }
                map.put(key, value(t.getValueNode()));
                keys.put(key, line(k));
            }
            return map;
        }

        private static boolean mergedOnly(Map<Object, Integer> keys, Object key) {
            return keys.get(key) < 0;
        }

        private void merge(Map<Object, Object> map, Map<Object, Integer> keys, Node source) {
            List<Node> sources = source instanceof SequenceNode seq ? seq.getValue() : List.of(source);
            for (Node s : sources) {
                Object v = value(s);
                if (!(v instanceof Map<?, ?> m)) {
                    throw new FormatException(this.source, line(s), "merge key '<<' expects a mapping");
                }
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!map.containsKey(e.getKey())) {
                        map.put(e.getKey(), e.getValue());
                        keys.put(e.getKey(), -line(s));
                    }
                }
            }
        }

        private Object scalar(ScalarNode s) {
            String text = s.getValue();
            Tag tag = s.getTag();
            boolean plain = s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
            if (Tag.STR.equals(tag)) {
                return plain ? typed(text, Yaml12.resolve(text), s) : text;
            }
            if (Tag.INT.equals(tag)) {
                return typed(text, Yaml12.Kind.INT, s);
            }
            if (Tag.FLOAT.equals(tag)) {
                return typed(text, Yaml12.Kind.FLOAT, s);
            }
            if (Tag.BOOL.equals(tag)) {
                return typed(text, Yaml12.Kind.BOOL, s);
            }
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.TIMESTAMP.equals(tag)) {
                return new RawScalar(text, text);
            }
            throw new FormatException(source, line(s), "could not determine a constructor for the tag " + tag);
        }

        private Object typed(String text, Yaml12.Kind kind, Node node) {
            try {
                return switch (kind) {
                    case BOOL -> text.equalsIgnoreCase("true");
                    case INT -> Yaml12.parseInt(text);
                    case FLOAT ->
                        preserveFloats ? new RawScalar(text, Yaml12.parseFloat(text)) : Yaml12.parseFloat(text);
                    case NULL -> null;
                    case TIMESTAMP -> new RawScalar(text, text);
                    default -> text;
                };
            } catch (NumberFormatException e) {
                throw new FormatException(source, line(node), "invalid number '" + text + "'", e);
            }
        }

        private static int line(Node node) {
            return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
        }
    }
}
