package io.github.dvcmaven.core.format.params;

import io.github.dvcmaven.core.format.FormatException;
import io.github.dvcmaven.core.format.yaml.YamlReader;
import io.github.dvcmaven.core.py.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
            throw new FormatException(display, 0, "cannot be read: " + e.getMessage());
        }
        return parse(text, display, extension(display));
    }

    public static Object parse(String text, String display, String extension) {
        switch (extension) {
            case ".json":
                try {
                    Object v = JsonParser.parse(text);
                    return v == null ? new LinkedHashMap<>() : v;
                } catch (JsonParser.JsonSyntaxException e) {
                    throw new FormatException(display, e.line(), "invalid JSON: " + e.getMessage());
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

    /** dpath.get with "." separator: null when absent (use {@link #contains} to tell a null value apart). */
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
    public enum Missing { INSTANCE }
}
