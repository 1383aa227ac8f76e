package io.github.dvcmaven.core.internal.format;

import io.github.dvcmaven.core.internal.py.PyValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How dvc rewrites a file it read before: the fresh content is merged into the old structure, so keys
 * keep their place, new keys go last, removed keys disappear, and lists of a new length are replaced.
 */
public final class ApplyDiff {
    private ApplyDiff() {}

    @SuppressWarnings("unchecked")
    public static void apply(Object src, Object dest) {
        if (src instanceof Map<?, ?> s && dest instanceof Map<?, ?> d) {
            Map<Object, Object> dm = (Map<Object, Object>) d;
            for (Map.Entry<?, ?> e : s.entrySet()) {
                Object value = e.getValue();
                Object existing = dm.get(e.getKey());
                if (isContainer(value) && sameType(value, existing)) {
                    apply(value, existing);
                } else if (!dm.containsKey(e.getKey()) || !PyValues.equal(value, existing)) {
                    dm.put(e.getKey(), value);
                }
            }
            dm.keySet().removeIf(k -> !s.containsKey(k));
        } else if (src instanceof List<?> s && dest instanceof List<?> d) {
            List<Object> dl = (List<Object>) d;
            if (s.size() != dl.size()) {
                dl.clear();
                dl.addAll(s);
                return;
            }
            for (int i = 0; i < s.size(); i++) {
                Object value = s.get(i);
                if (isContainer(value) && sameType(value, dl.get(i))) {
                    apply(value, dl.get(i));
                } else if (!PyValues.equal(value, dl.get(i))) {
                    dl.set(i, value);
                }
            }
        } else {
            throw new IllegalArgumentException("cannot apply a " + src.getClass() + " onto a " + dest.getClass());
        }
    }

    private static boolean isContainer(Object o) {
        return o instanceof Map || o instanceof List;
    }

    private static boolean sameType(Object a, Object b) {
        return (a instanceof Map && b instanceof Map) || (a instanceof List && b instanceof List);
    }

    /** A deep, mutable copy (the old structure is modified in place by {@link #apply}). */
    @SuppressWarnings("unchecked")
    public static Object deepCopy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                copy.put(e.getKey(), deepCopy(e.getValue()));
            }
            return copy;
        }
        if (o instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            for (Object item : l) {
                copy.add(deepCopy(item));
            }
            return copy;
        }
        return o;
    }
}
