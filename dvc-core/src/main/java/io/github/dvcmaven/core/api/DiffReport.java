package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.metrics.MetricValues;
import io.github.dvcmaven.core.internal.py.PyStrings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code metrics diff} / {@code params diff}: per file, per flattened key, what changed between revision
 * {@code a} and {@code b}.
 */
public record DiffReport(
        Subject subject,
        String aRev,
        String bRev,
        Map<String, Map<String, Change>> changes,
        List<String> failedRevisions)
        implements Report {
    /** What was compared: metrics (rounded, with a Change column) or params (shown as they are). */
    public enum Subject {
        /** {@code metrics diff}: values rounded, with a Change column. */
        METRICS("Metric"),
        /** {@code params diff}: values as they are. */
        PARAMS("Param");

        private final String column;

        Subject(String column) {
            this.column = column;
        }

        /** The title of the key column in dvc's table. */
        public String column() {
            return column;
        }
    }

    /** dvc's diff of two revisions' data (file → value, a mapping or a scalar), unchanged keys only with {@code all}. */
    public static DiffReport compute(
            Subject subject,
            String aRev,
            String bRev,
            Map<String, Object> a,
            Map<String, Object> b,
            boolean all,
            List<String> failedRevisions) {
        TreeSet<String> files = new TreeSet<>(a.keySet());
        files.addAll(b.keySet());
        Map<String, Map<String, Change>> out = new LinkedHashMap<>();
        for (String file : files) {
            Map<String, Change> fileChanges = diffFile(a.get(file), b.get(file), all);
            if (!fileChanges.isEmpty()) {
                out.put(file, fileChanges);
            }
        }
        return new DiffReport(subject, aRev, bRev, out, failedRevisions);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Change> diffFile(Object oldData, Object newData, boolean all) {
        Map<String, Change> out = new TreeMap<>(PyStrings::compareCodePoints);
        if (oldData instanceof Map<?, ?> || newData instanceof Map<?, ?>) {
            Map<String, Object> o =
                    oldData instanceof Map<?, ?> m ? MetricValues.flatten((Map<String, ?>) m) : Map.of();
            Map<String, Object> n =
                    newData instanceof Map<?, ?> m ? MetricValues.flatten((Map<String, ?>) m) : Map.of();
            TreeSet<String> keys = new TreeSet<>(o.keySet());
            keys.addAll(n.keySet());
            for (String k : keys) {
                Object ov = o.get(k);
                Object nv = n.get(k);
                if (all || !MetricValues.pyEquals(ov, nv)) {
                    out.put(k, Change.of(ov, nv));
                }
            }
        } else if (oldData != null || newData != null) {
            if (all || !MetricValues.pyEquals(oldData, newData)) {
                out.put("", Change.of(oldData, newData));
            }
        }
        return out;
    }
}
