package io.github.dvcmaven.core.internal.pipeline;

import io.github.dvcmaven.core.internal.py.PyFloat;
import io.github.dvcmaven.core.internal.py.RawScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a dvc.yaml interpolates with {@code ${...}}: params.yaml, {@code vars} files and inline
 * maps, stage vars, and {@code item}/{@code key} in foreach and matrix. Merging follows dvc: maps merge
 * recursively, redefining a value is an error, loading the same whole file twice is a no-op.
 */
public final class TemplateContext {
    static final Pattern EXPRESSION = Pattern.compile("(?<!\\\\)\\$\\{(.*?)\\}");
    private static final Pattern SIMPLE_WORD = Pattern.compile("[^.\\[\\]]+");

    /** A failed lookup or merge; the caller adds file, line and stage. */
    public static final class TemplateException extends RuntimeException {
        public TemplateException(String message) {
            super(message);
        }
    }

    private final Map<String, Object> data;
    private final Map<String, List<String>> imports;

    public TemplateContext() {
        this(new LinkedHashMap<>(), new HashMap<>());
    }

    private TemplateContext(Map<String, Object> data, Map<String, List<String>> imports) {
        this.data = data;
        this.imports = imports;
    }

    public TemplateContext copy() {
        @SuppressWarnings("unchecked")
        Map<String, Object> d = (Map<String, Object>) deepCopy(data);
        Map<String, List<String>> i = new HashMap<>();
        imports.forEach((k, v) -> i.put(k, v == null ? null : new ArrayList<>(v)));
        return new TemplateContext(d, i);
    }

    public boolean contains(String key) {
        return data.containsKey(key);
    }

    /** Whether a whole file (keys null) or these keys of it were loaded already. */
    public boolean alreadyImported(String path, List<String> keys) {
        if (!imports.containsKey(path)) {
            return false;
        }
        List<String> loaded = imports.get(path);
        if (keys == null) {
            if (loaded == null) {
                return true;
            }
            throw new TemplateException("cannot load whole '" + path + "' as it was partially loaded already");
        }
        if (loaded == null) {
            throw new TemplateException("cannot partially load '" + path + "' as it was loaded whole already");
        }
        for (String k : keys) {
            if (loaded.contains(k)) {
                throw new TemplateException("cannot load '" + k + "' from '" + path + "' as it was loaded already");
            }
        }
        return false;
    }

    public void recordImport(String path, List<String> keys) {
        if (keys == null) {
            imports.put(path, null);
        } else {
            imports.computeIfAbsent(path, k -> new ArrayList<>()).addAll(keys);
        }
    }

    /** Merges variables from {@code source} ("vars[0]", a file path); redefinitions are errors. */
    public void merge(Map<?, ?> update, String source) {
        merge(data, update, source, "");
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<?, ?> update, String source, String prefix) {
        for (Map.Entry<?, ?> e : update.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object existing = into.get(key);
            if (existing instanceof Map && e.getValue() instanceof Map<?, ?> sub) {
                merge((Map<String, Object>) existing, sub, source, prefix + key + ".");
            } else if (into.containsKey(key)) {
                throw new TemplateException(
                        "cannot redefine '" + prefix + key + "' from '" + source + "' as it already exists");
            } else {
                into.put(key, deepCopy(e.getValue()));
            }
        }
    }

    /** Sets {@code item}/{@code key} for one foreach or matrix iteration, replacing earlier values. */
    public TemplateContext withIteration(Map<String, Object> values) {
        TemplateContext c = new TemplateContext(new LinkedHashMap<>(data), imports);
        c.data.putAll(values);
        return c;
    }

    /** The value of {@code name(.attr|[index])*}. */
    public Object select(String expression) {
        String normalized = normalize(expression.trim());
        Object cur = data;
        for (String part : normalized.split("\\.", -1)) {
            String p = part.trim();
            if (cur instanceof Map<?, ?> m && m.containsKey(p)) {
                cur = m.get(p);
            } else if (cur instanceof List<?> l && p.matches("-?\\d+")) {
                int i = Integer.parseInt(p);
                if (i < 0) {
                    i += l.size();
                }
                if (i < 0 || i >= l.size()) {
                    throw new TemplateException("Could not find '" + expression + "'");
                }
                cur = l.get(i);
            } else {
                throw new TemplateException("Could not find '" + expression + "'");
            }
        }
        return cur;
    }

    private static String normalize(String expr) {
        if (expr.isEmpty()) {
            throw new TemplateException("empty expression '${}'");
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean first = true;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == '.') {
                i++;
                Matcher m = SIMPLE_WORD.matcher(expr).region(i, expr.length());
                if (!m.lookingAt()) {
                    throw new TemplateException("invalid expression '${" + expr + "}'");
                }
                out.append('.').append(m.group());
                i = m.end();
            } else if (c == '[') {
                int close = expr.indexOf(']', i);
                if (close < 0 || close == i + 1) {
                    throw new TemplateException("invalid expression '${" + expr + "}'");
                }
                out.append('.').append(expr, i + 1, close);
                i = close + 1;
            } else if (first) {
                Matcher m = SIMPLE_WORD.matcher(expr).region(i, expr.length());
                m.lookingAt();
                out.append(m.group());
                i = m.end();
            } else {
                throw new TemplateException("invalid expression '${" + expr + "}'");
            }
            first = false;
        }
        return out.toString();
    }

    /**
     * Resolves a value recursively (map keys too): a string that is exactly one {@code ${expr}} takes
     * the value's type; inside text, values are rendered as Python's str() would.
     */
    public Object resolve(Object value, String key, Map<String, String> parsingConfig) {
        if (value instanceof String s) {
            return resolveString(s, key, parsingConfig);
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(resolve(e.getKey(), key, parsingConfig), resolve(e.getValue(), key, parsingConfig));
            }
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(resolve(o, key, parsingConfig));
            }
            return out;
        }
        return value;
    }

    private Object resolveString(String s, String key, Map<String, String> parsingConfig) {
        Matcher m = EXPRESSION.matcher(s);
        List<int[]> spans = new ArrayList<>();
        List<String> exprs = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            exprs.add(m.group(1));
        }
        if (spans.isEmpty()) {
            return s.replace("\\${", "${");
        }
        if (spans.size() == 1 && spans.get(0)[0] == 0 && spans.get(0)[1] == s.length()) {
            Object v = select(exprs.get(0));
            checkPrimitive(v, key);
            return deepCopy(v);
        }
        StringBuilder sb = new StringBuilder();
        int index = 0;
        for (int i = 0; i < spans.size(); i++) {
            Object v = select(exprs.get(i));
            checkPrimitive(v, key);
            sb.append(s, index, spans.get(i)[0]).append(toStr(v, parsingConfig));
            index = spans.get(i)[1];
        }
        sb.append(s.substring(index));
        return sb.toString().replace("\\${", "${");
    }

    private static void checkPrimitive(Object v, String key) {
        boolean primitive = v == null
                || v instanceof String
                || v instanceof Number
                || v instanceof Boolean
                || v instanceof RawScalar;
        if (primitive || (key != null && key.contains("foreach")) || (key != null && key.contains("matrix"))) {
            return;
        }
        if (v instanceof Map && "cmd".equals(key)) {
            return;
        }
        throw new TemplateException("Cannot interpolate data of type '" + (v instanceof Map ? "dict" : "list") + "'");
    }

    /** Python's str(), with dvc's rules for bools and dict unpacking into command-line flags. */
    public static String toStr(Object v, Map<String, String> parsingConfig) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (v instanceof Double || v instanceof Float) {
            return PyFloat.repr(((Number) v).doubleValue());
        }
        if (v instanceof RawScalar r) {
            return r.value() instanceof Double d ? PyFloat.repr(d) : r.text();
        }
        if (v instanceof Map<?, ?> m) {
            return dictToFlags(m, parsingConfig);
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) {
                parts.add(o instanceof String str ? "'" + str + "'" : toStr(o, parsingConfig));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return v.toString();
    }

    private static String dictToFlags(Map<?, ?> m, Map<String, String> config) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", m, flat);
        StringBuilder sb = new StringBuilder();
        boolean booleanOptional = "boolean_optional".equals(config.getOrDefault("bool", "store_true"));
        boolean append = "append".equals(config.getOrDefault("list", "nargs"));
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (v instanceof Boolean b) {
                if (b) {
                    sb.append("--").append(k).append(' ');
                } else if (booleanOptional) {
                    sb.append("--no-").append(k).append(' ');
                }
            } else if (v instanceof String s) {
                sb.append("--").append(k).append(' ').append(shellQuote(s)).append(' ');
            } else if (v instanceof List<?> list) {
                for (int n = 0; n < list.size(); n++) {
                    Object i = list.get(n);
                    if (i instanceof List || i instanceof Map) {
                        throw new TemplateException("Cannot interpolate nested iterable in '" + k + "'");
                    }
                    String item = i instanceof String s ? shellQuote(s) : toStr(i, config);
                    if (append) {
                        sb.append("--").append(k).append(' ').append(item).append(' ');
                    } else {
                        sb.append(n > 0 ? item + " " : "--" + k + " " + item + " ");
                    }
                }
            } else {
                sb.append("--").append(k).append(' ').append(toStr(v, config)).append(' ');
            }
        }
        return sb.toString().stripTrailing();
    }

    private static void flatten(String prefix, Map<?, ?> m, Map<String, Object> out) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String k = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> sub && !sub.isEmpty()) {
                flatten(k + ".", sub, out);
            } else {
                out.put(k, e.getValue());
            }
        }
    }

    /** Python's shlex.quote. */
    static String shellQuote(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        if (s.matches("[\\w@%+=:,./-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    @SuppressWarnings("unchecked")
    static Object deepCopy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return copy;
        }
        if (o instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return o;
    }

    /** Whether any string in the value contains an interpolation. */
    public static boolean hasInterpolation(Object value) {
        if (value instanceof String s) {
            return EXPRESSION.matcher(s).find();
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (hasInterpolation(e.getKey()) || hasInterpolation(e.getValue())) {
                    return true;
                }
            }
        }
        if (value instanceof List<?> l) {
            for (Object o : l) {
                if (hasInterpolation(o)) {
                    return true;
                }
            }
        }
        return false;
    }
}
