package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.metrics.MetricValues;
import io.github.dvcmaven.core.internal.py.PyJson;
import io.github.dvcmaven.core.internal.py.PyStrings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** {@code metrics show} for one revision: each metrics file's data (a mapping or a scalar) or its read error. */
public record MetricsReport(String rev, Map<String, Object> data, Map<String, String> errors) {
    /** dvc's table: Path, then every flattened metric name in sorted order; "-" where a file lacks one. */
    public List<String> toLines(int precision, boolean markdown) {
        PlainTable t = table(precision);
        if (t.isEmpty()) {
            return List.of();
        }
        return markdown ? t.markdown() : t.plain();
    }

    /** The cells of that table. */
    @SuppressWarnings("unchecked")
    public PlainTable table(int precision) {
        List<Map<String, Object>> rows = new ArrayList<>();
        TreeSet<String> columns = new TreeSet<>(PyStrings::compareCodePoints);
        for (Map.Entry<String, Object> e : data.entrySet()) {
            Map<String, Object> flat = e.getValue() instanceof Map<?, ?> m
                    ? MetricValues.flatten((Map<String, ?>) m)
                    : Map.of("", e.getValue());
            columns.addAll(flat.keySet());
            Map<String, Object> row = new LinkedHashMap<>(flat);
            row.put("\u0000path", e.getKey());
            rows.add(row);
        }
        for (String failed : errors.keySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("\u0000path", failed);
            rows.add(row);
        }
        List<String> headers = new ArrayList<>(List.of("Path"));
        headers.addAll(columns);
        PlainTable t = new PlainTable(headers);
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(row.get("\u0000path"))));
            for (String c : columns) {
                cells.add(row.containsKey(c) ? DiffReport.cell(row.get(c), precision) : "-");
            }
            t.add(cells);
        }
        return t;
    }

    /** dvc's --json: {rev: {"data": {file: {"data": ...} | {"error": ...}}}}, the workspace as "". */
    public String toJson() {
        Map<String, Object> files = new LinkedHashMap<>();
        data.forEach((f, d) -> files.put(f, Map.of("data", d)));
        errors.forEach((f, err) -> files.put(f, Map.of("error", Map.of("type", "FileNotFoundError", "msg", err))));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(rev.equals("workspace") ? "" : rev, Map.of("data", files));
        return PyJson.dumps(root);
    }
}
