package io.github.dvcmaven.core.internal.format.yaml;

import io.github.dvcmaven.core.internal.format.FormatException;
import io.github.dvcmaven.core.internal.py.RawScalar;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A parsed YAML file: plain Java values (LinkedHashMap, ArrayList, String, Long/BigInteger, Double,
 * Boolean, null, {@link RawScalar} for timestamps) plus the line each map, list and key came from, so
 * that validation errors can name the line.
 */
public final class YamlDocument {
    private final String source;
    private final Object root;
    private final IdentityHashMap<Object, Integer> lines;
    private final IdentityHashMap<Object, Map<Object, Integer>> keyLines;

    YamlDocument(
            String source,
            Object root,
            IdentityHashMap<Object, Integer> lines,
            IdentityHashMap<Object, Map<Object, Integer>> keyLines) {
        this.source = source;
        this.root = root;
        this.lines = lines;
        this.keyLines = keyLines;
    }

    public String source() {
        return source;
    }

    public Object root() {
        return root;
    }

    /** 1-based line where a map or list starts, or 0. */
    public int lineOf(Object container) {
        Integer line = container == null ? null : lines.get(container);
        return line == null ? 0 : line;
    }

    /** 1-based line of a key in a map, falling back to the map's own line. */
    public int lineOf(Object map, Object key) {
        Map<Object, Integer> keys = keyLines.get(map);
        Integer line = keys == null ? null : keys.get(key);
        return line == null ? lineOf(map) : Math.abs(line);
    }

    public FormatException error(Object container, String message) {
        return new FormatException(source, lineOf(container), message);
    }

    public FormatException error(Object map, Object key, String message) {
        return new FormatException(source, lineOf(map, key), message);
    }
}
