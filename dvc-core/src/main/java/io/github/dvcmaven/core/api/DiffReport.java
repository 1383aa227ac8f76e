package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.metrics.MetricValues;
import io.github.dvcmaven.core.internal.metrics.PyStr;
import io.github.dvcmaven.core.internal.py.PyJson;
import io.github.dvcmaven.core.internal.py.PyStrings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code metrics diff} / {@code params diff}: per file, per flattened key, what changed between revision
 * {@code a} and {@code b}; rendered as dvc renders it (text table, Markdown, or --json data).
 */
public record DiffReport(
        String aRev, String bRev, Map<String, Map<String, Change>> changes, List<String> failedRevisions) {
    /** dvc's diff of two revisions' data (file → value, a mapping or a scalar), unchanged keys only with {@code all}. */
    public static DiffReport compute(
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
        return new DiffReport(aRev, bRev, out, failedRevisions);
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

    /** dvc's text table (or Markdown); {@code precision} rounds floats (metrics), null prints them as they are (params). */
    public List<String> toLines(String title, Integer precision, boolean markdown, boolean showChange) {
        PlainTable t = table(title, precision, showChange);
        if (t.isEmpty()) {
            return List.of();
        }
        return markdown ? t.markdown() : t.plain();
    }

    /** The cells of that table. */
    public PlainTable table(String title, Integer precision, boolean showChange) {
        List<String> headers = new ArrayList<>(List.of("Path", title, aRev, bRev));
        if (showChange) {
            headers.add("Change");
        }
        PlainTable t = new PlainTable(headers);
        for (Map.Entry<String, Map<String, Change>> f : changes.entrySet()) {
            for (Map.Entry<String, Change> e : f.getValue().entrySet()) {
                Change c = e.getValue();
                List<String> row = new ArrayList<>(
                        List.of(f.getKey(), e.getKey(), cell(c.oldValue(), precision), cell(c.newValue(), precision)));
                if (showChange) {
                    row.add(cell(c.diff(), precision));
                }
                t.add(row);
            }
        }
        return t;
    }

    static String cell(Object v, Integer precision) {
        if (v == null) {
            return "-";
        }
        return PyStr.str(precision == null ? v : MetricValues.round(v, precision));
    }

    /** dvc's --json: file → key → {old, new[, diff]}. */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        changes.forEach((file, keys) -> {
            Map<String, Object> fm = new LinkedHashMap<>();
            keys.forEach((k, c) -> {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("old", c.oldValue());
                cm.put("new", c.newValue());
                if (c.diff() != null) {
                    cm.put("diff", c.diff());
                }
                fm.put(k, cm);
            });
            root.put(file, fm);
        });
        return PyJson.dumps(root);
    }
}
