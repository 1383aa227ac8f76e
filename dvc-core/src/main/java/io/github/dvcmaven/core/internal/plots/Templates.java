package io.github.dvcmaven.core.internal.plots;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.py.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Vega-Lite templates with dvc's anchors ({@code "<DVC_METRIC_DATA>"}, {@code "<DVC_METRIC_X>"} …): the
 * built-in ones, or a custom one from {@code .dvc/plots/<name>.json} or a path, as dvc looks them up.
 * Filling walks the JSON tree: a string that is exactly an anchor becomes the anchor's value (an
 * optional anchor without a value removes its key or element), an anchor inside a longer string is
 * replaced by its text.
 */
public final class Templates {
    public static final String DEFAULT = "linear";
    public static final Set<String> BUILT_IN = Set.of(
            "linear",
            "simple",
            "scatter",
            "smooth",
            "confusion",
            "confusion_normalized",
            "bar_horizontal",
            "bar_horizontal_sorted");
    private static final String PREFIX = "<DVC_METRIC_";

    private Templates() {}

    public static String anchor(String name) {
        return PREFIX + name.toUpperCase(Locale.ROOT) + ">";
    }

    /** The template's JSON tree; {@code name} null means the default. */
    public static Object load(String name, Path repoRoot) {
        String n = name == null ? DEFAULT : name;
        for (Path candidate : new Path[] {
            repoRoot.resolve(".dvc/plots").resolve(n + ".json"),
            repoRoot.resolve(".dvc/plots").resolve(n),
            repoRoot.resolve(n)
        }) {
            if (Files.isRegularFile(candidate)) {
                try {
                    return parse(Files.readString(candidate), candidate.toString());
                } catch (IOException e) {
                    throw new DvcException("cannot read plot template " + candidate + ": " + e.getMessage(), null, e);
                }
            }
        }
        if (!BUILT_IN.contains(n)) {
            throw new DvcException(
                    "plot template '" + n + "' not found",
                    "use one of " + String.join(", ", new TreeSet<>(BUILT_IN)) + ", or put " + n
                            + ".json in .dvc/plots/");
        }
        try (InputStream in = Templates.class.getResourceAsStream("templates/" + n + ".json")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), n);
        } catch (IOException e) {
            throw new DvcException("cannot read built-in template " + n + ": " + e.getMessage(), null, e);
        }
    }

    private static Object parse(String text, String where) {
        if (!text.contains(anchor("data"))) {
            throw new DvcException("plot template " + where + " does not use the " + anchor("data") + " anchor");
        }
        try {
            return JsonParser.parse(text);
        } catch (RuntimeException e) {
            throw new DvcException("plot template " + where + " is not valid JSON: " + e.getMessage(), null, e);
        }
    }

    /** A filled copy of the template; anchors missing from {@code values} count as absent. */
    public static Object fill(Object template, Map<String, Object> values) {
        return fillNode(template, values);
    }

    private static final Object ABSENT = new Object();

    private static Object fillNode(Object node, Map<String, Object> values) {
        if (node instanceof String s) {
            if (s.startsWith(PREFIX) && s.endsWith(">") && s.indexOf('>') == s.length() - 1) {
                Object v = values.get(s);
                return v == null ? ABSENT : v;
            }
            return s.contains(PREFIX) ? inline(s, values) : s;
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object v = fillNode(e.getValue(), values);
                if (v != ABSENT) {
                    out.put(String.valueOf(e.getKey()), v);
                }
            }
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object e : list) {
                Object v = fillNode(e, values);
                if (v != ABSENT) {
                    out.add(v);
                }
            }
            return out;
        }
        return node;
    }

    private static String inline(String s, Map<String, Object> values) {
        String out = s;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getValue() instanceof String v) {
                out = out.replace(e.getKey(), v);
            }
        }
        return out;
    }
}
