package io.github.dvcmaven.core.internal.py;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Python's {@code ==} on parsed YAML/JSON values: {@code 1 == 1.0 == True}, lists and dicts element-wise. */
public final class PyValues {
    private PyValues() {}

    public static boolean equal(Object a, Object b) {
        if (a instanceof RawScalar ra) {
            a = ra.value();
        }
        if (b instanceof RawScalar rb) {
            b = rb.value();
        }
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (isNumeric(a) && isNumeric(b)) {
            return compareNumbers(a, b);
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey()) || !equal(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            Iterator<?> ia = la.iterator();
            Iterator<?> ib = lb.iterator();
            while (ia.hasNext()) {
                if (!equal(ia.next(), ib.next())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static boolean isNumeric(Object o) {
        return o instanceof Number || o instanceof Boolean;
    }

    private static boolean compareNumbers(Object a, Object b) {
        BigDecimal x = toDecimal(a);
        BigDecimal y = toDecimal(b);
        if (x == null || y == null) {
            double dx = toDouble(a);
            double dy = toDouble(b);
            return dx == dy;
        }
        return x.compareTo(y) == 0;
    }

    private static BigDecimal toDecimal(Object o) {
        if (o instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (o instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (o instanceof Double d) {
            return Double.isFinite(d) ? new BigDecimal(d) : null;
        }
        if (o instanceof Float f) {
            return Float.isFinite(f) ? new BigDecimal(f) : null;
        }
        if (o instanceof BigDecimal bd) {
            return bd;
        }
        return BigDecimal.valueOf(((Number) o).longValue());
    }

    private static double toDouble(Object o) {
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) o).doubleValue();
    }
}
