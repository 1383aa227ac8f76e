package io.github.dvcmaven.core.internal.metrics;

import io.github.dvcmaven.core.internal.py.PyFloat;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Python's {@code str()} of a parsed value, as dvc prints metrics and params: True, 0.5, [1, 'a']. */
public final class PyStr {
    private PyStr() {}

    public static String str(Object v) {
        if (v instanceof String s) {
            return s;
        }
        return repr(v);
    }

    static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double d) {
            return PyFloat.repr(d);
        }
        if (v instanceof Float f) {
            return PyFloat.repr(f);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof String s) {
            return quote(s);
        }
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(repr(list.get(i)));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(first ? "" : ", ")
                        .append(repr(e.getKey()))
                        .append(": ")
                        .append(repr(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        return String.valueOf(v);
    }

    /** repr of a str: single quotes unless the text has a single quote and no double quote. */
    private static String quote(String s) {
        char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == q) {
                        sb.append('\\');
                    }
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append(q).toString();
    }
}
