package io.github.dvcmaven.core.internal.metrics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dvc's handling of metric and param values: which values count (numbers, strings, booleans, nested
 * mappings; lists are dropped from metrics and compared as their text among params), flattening with
 * dots, numeric differences with Python's arithmetic, and rounding like Python's {@code round(x, n)}.
 */
public final class MetricValues {
    private MetricValues() {}

    /** dvc's _extract_metrics: scalars stay, mappings recurse, everything else is dropped (null). */
    public static Object extractMetrics(Object v) {
        if (v instanceof Number || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (!(v instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object m = extractMetrics(e.getValue());
            if (m != null && !(m instanceof Map<?, ?> sub && sub.isEmpty())) {
                out.put(String.valueOf(e.getKey()), m);
            }
        }
        return out;
    }

    /** dvc's format_dict + flatten: nested keys joined with '.', lists turned into their Python text. */
    public static Map<String, Object> flatten(Map<String, ?> d) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", d, out);
        return out;
    }

    private static void flatten(String prefix, Map<String, ?> d, Map<String, Object> out) {
        for (Map.Entry<String, ?> e : d.entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m && !m.isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, ?> sub = (Map<String, ?>) m;
                flatten(key, sub, out);
            } else if (v instanceof List<?>) {
                out.put(key, PyStr.repr(v));
            } else {
                out.put(key, v);
            }
        }
    }

    public static boolean isNumber(Object v) {
        return v instanceof Number || v instanceof Boolean;
    }

    private static boolean isIntegral(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof BigInteger || v instanceof Boolean;
    }

    private static BigInteger big(Object v) {
        if (v instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        return v instanceof BigInteger bi ? bi : BigInteger.valueOf(((Number) v).longValue());
    }

    private static double dbl(Object v) {
        return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
    }

    /** {@code new - old} as Python computes it: exact for integers (and bools), a float otherwise. */
    public static Object subtract(Object newValue, Object oldValue) {
        if (isIntegral(newValue) && isIntegral(oldValue)) {
            BigInteger r = big(newValue).subtract(big(oldValue));
            return r.bitLength() < 64 ? (Object) r.longValue() : r;
        }
        return dbl(newValue) - dbl(oldValue);
    }

    /** Python's {@code round(value, digits)} for floats; other values unchanged. */
    public static Object round(Object value, int digits) {
        if (value instanceof Double d && Double.isFinite(d)) {
            return new BigDecimal(d).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
        }
        return value;
    }

    /** Python equality of parsed values (1 == 1.0 == True). */
    public static boolean pyEquals(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (isIntegral(a) && isIntegral(b)) {
                return big(a).equals(big(b));
            }
            return dbl(a) == dbl(b);
        }
        return a == null ? b == null : a.equals(b);
    }
}
