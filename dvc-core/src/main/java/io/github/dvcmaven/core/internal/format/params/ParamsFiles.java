package io.github.dvcmaven.core.internal.format.params;

import io.github.dvcmaven.core.internal.format.FormatException;
import io.github.dvcmaven.core.internal.format.yaml.YamlReader;
import io.github.dvcmaven.core.internal.py.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parameter and metrics files as dvc loads them, chosen by extension: {@code .json}, {@code .toml},
 * {@code .py}, anything else YAML. Also dvc's dotted-path lookup ({@code train.lr}, {@code a.0.b}).
 */
public final class ParamsFiles {
    private ParamsFiles() {}

    /** The parsed file; {@code display} names it in errors. */
    public static Object read(Path file, String display) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FormatException(display, 0, "cannot be read: " + e.getMessage(), e);
        }
        return parse(text, display, extension(display));
    }

    /** How deep a params file's values may nest: deeper, every walk of them would overflow the stack. */
    public static final int MAX_DEPTH = 200;

    public static Object parse(String text, String display, String extension) {
        Object parsed = parseUnchecked(text, display, extension);
        checkDepth(parsed, display);
        return parsed;
    }

    /** Measured without recursion, so the check itself cannot overflow on what it refuses. */
    private static void checkDepth(Object root, String display) {
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            int depth = (Integer) top[1];
            Iterable<?> children = top[0] instanceof Map<?, ?> m ? m.values() : top[0] instanceof List<?> l ? l : null;
            if (children == null) {
                continue;
            }
            if (depth >= MAX_DEPTH) {
                throw new FormatException(display, 0, "values nest more than " + MAX_DEPTH + " levels deep");
            }
            for (Object child : children) {
                stack.push(new Object[] {child, depth + 1});
            }
        }
    }

    private static Object parseUnchecked(String text, String display, String extension) {
        switch (extension) {
            case ".json":
                try {
                    Object v = JsonParser.parse(text);
                    return v == null ? new LinkedHashMap<>() : v;
                } catch (JsonParser.JsonSyntaxException e) {
                    throw new FormatException(display, e.line(), "invalid JSON: " + e.getMessage(), e);
                }
            case ".toml":
                return TomlParser.parse(text, display);
            case ".py":
                return PyParamsParser.parse(text, display);
            default:
                Object v = YamlReader.parse(text, display).root();
                return v == null ? new LinkedHashMap<>() : v;
        }
    }

    static String extension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
    }

    /** dpath.get with "." separator: {@code Missing.INSTANCE} when absent, so a null value is told apart. */
    public static Object get(Object root, String dotted) {
        Object cur = root;
        for (String part : dotted.split("\\.", -1)) {
            if (cur instanceof Map<?, ?> m) {
                if (!m.containsKey(part)) {
                    return Missing.INSTANCE;
                }
                cur = m.get(part);
            } else if (cur instanceof List<?> l) {
                try {
                    int i = Integer.parseInt(part);
                    if (i < 0 || i >= l.size()) {
                        return Missing.INSTANCE;
                    }
                    cur = l.get(i);
                } catch (NumberFormatException e) {
                    return Missing.INSTANCE;
                }
            } else {
                return Missing.INSTANCE;
            }
        }
        return cur;
    }

    /** Marks a dotted path that is not in the file. */
    public enum Missing {
        INSTANCE
    }
}
