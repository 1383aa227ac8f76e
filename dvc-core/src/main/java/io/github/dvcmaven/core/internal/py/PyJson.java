package io.github.dvcmaven.core.internal.py;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Byte-exact Python {@code json.dumps(obj, sort_keys=True)} with the default separators and
 * {@code ensure_ascii=True}. dvc hashes these bytes (directory manifests, run-cache keys, stage md5s),
 * so every character matters. Optionally compact separators for {@code --json} console output.
 */
public final class PyJson {
    private final boolean sortKeys;
    private final String itemSeparator;
    private final String keySeparator;
    private final String indent;

    private PyJson(boolean sortKeys, String itemSeparator, String keySeparator, String indent) {
        this.sortKeys = sortKeys;
        this.itemSeparator = itemSeparator;
        this.keySeparator = keySeparator;
        this.indent = indent;
    }

    /** {@code json.dumps(obj, sort_keys=True)}. */
    public static String dumpsSorted(Object value) {
        return new PyJson(true, ", ", ": ", null).write(value);
    }

    /** {@code json.dumps(obj)}, keys in insertion order. */
    public static String dumps(Object value) {
        return new PyJson(false, ", ", ": ", null).write(value);
    }

    /** {@code json.dumps(obj, indent=n)}, keys in insertion order. */
    public static String dumpsIndented(Object value, int indent) {
        return new PyJson(false, ",", ": ", " ".repeat(indent)).write(value);
    }

    public static byte[] bytesSorted(Object value) {
        return dumpsSorted(value).getBytes(StandardCharsets.US_ASCII);
    }

    private String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    private void write(StringBuilder sb, Object value, int depth) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (value instanceof String s) {
            quote(sb, s);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                sb.append("NaN");
            } else if (Double.isInfinite(d)) {
                sb.append(d > 0 ? "Infinity" : "-Infinity");
            } else {
                sb.append(PyFloat.repr(d));
            }
        } else if (value instanceof BigDecimal bd) {
            sb.append(PyFloat.repr(bd.doubleValue()));
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger) {
            sb.append(value);
        } else if (value instanceof RawScalar raw) {
            write(sb, raw.value() instanceof String ? raw.text() : raw.value(), depth);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(sb, map, depth);
        } else if (value instanceof Collection<?> list) {
            writeList(sb, list, depth);
        } else {
            throw new IllegalArgumentException(
                    "Object of type " + value.getClass().getSimpleName() + " is not JSON serializable");
        }
    }

    private void writeMap(StringBuilder sb, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            sb.append("{}");
            return;
        }
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        if (sortKeys) {
            entries.sort((a, b) -> PyStrings.compareCodePoints(keyString(a.getKey()), keyString(b.getKey())));
        }
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : entries) {
            if (!first) {
                sb.append(itemSeparator);
            }
            first = false;
            newline(sb, depth + 1);
            quote(sb, keyString(e.getKey()));
            sb.append(keySeparator);
            write(sb, e.getValue(), depth + 1);
        }
        newline(sb, depth);
        sb.append('}');
    }

    private void writeList(StringBuilder sb, Collection<?> list, int depth) {
        if (list.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append('[');
        boolean first = true;
        for (Object item : list) {
            if (!first) {
                sb.append(itemSeparator);
            }
            first = false;
            newline(sb, depth + 1);
            write(sb, item, depth + 1);
        }
        newline(sb, depth);
        sb.append(']');
    }

    private void newline(StringBuilder sb, int depth) {
        if (indent != null) {
            sb.append('\n').append(indent.repeat(depth));
        }
    }

    private static String keyString(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key == null) {
            return "null";
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (key instanceof Double d) {
            return PyFloat.repr(d);
        }
        return key.toString();
    }

    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        int plain = 0;
        while (plain < s.length()) {
            char c = s.charAt(plain);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                break;
            }
            plain++;
        }
        sb.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
