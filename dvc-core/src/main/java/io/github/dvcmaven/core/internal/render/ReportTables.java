package io.github.dvcmaven.core.internal.render;

import io.github.dvcmaven.core.api.Change;
import io.github.dvcmaven.core.api.DiffReport;
import io.github.dvcmaven.core.api.MetricsReport;
import io.github.dvcmaven.core.api.PlainTable;
import io.github.dvcmaven.core.api.Report;
import io.github.dvcmaven.core.internal.metrics.MetricValues;
import io.github.dvcmaven.core.internal.metrics.PyStr;
import io.github.dvcmaven.core.internal.py.PyStrings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The cells of dvc's metrics and params tables, shared by the text, Markdown and HTML renderings. */
public final class ReportTables {
    private static final String PATH_KEY = "\u0000path";

    private ReportTables() {}

    public static PlainTable table(Report report, int precision) {
        if (report instanceof MetricsReport m) {
            return metrics(m, precision);
        }
        if (report instanceof DiffReport d) {
            return diff(d, precision);
        }
        throw new IllegalArgumentException(
                "dvc shows no table for " + report.getClass().getSimpleName());
    }

    /** dvc's table: Path, then every flattened metric name in sorted order; "-" where a file lacks one. */
    @SuppressWarnings("unchecked")
    static PlainTable metrics(MetricsReport report, int precision) {
        List<Map<String, Object>> rows = new ArrayList<>();
        TreeSet<String> columns = new TreeSet<>(PyStrings::compareCodePoints);
        for (Map.Entry<String, Object> e : report.data().entrySet()) {
            Map<String, Object> flat = e.getValue() instanceof Map<?, ?> m
                    ? MetricValues.flatten((Map<String, ?>) m)
                    : Map.of("", e.getValue());
            columns.addAll(flat.keySet());
            Map<String, Object> row = new LinkedHashMap<>(flat);
            row.put(PATH_KEY, e.getKey());
            rows.add(row);
        }
        for (String failed : report.errors().keySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(PATH_KEY, failed);
            rows.add(row);
        }
        List<String> headers = new ArrayList<>(List.of("Path"));
        headers.addAll(columns);
        PlainTable t = new PlainTable(headers);
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(row.get(PATH_KEY))));
            for (String c : columns) {
                cells.add(row.containsKey(c) ? cell(row.get(c), precision) : "-");
            }
            t.add(cells);
        }
        return t;
    }

    /** Path, key, the two revisions' values and (metrics only) the change; params are never rounded. */
    static PlainTable diff(DiffReport report, int precision) {
        boolean metrics = report.subject() == DiffReport.Subject.METRICS;
        Integer digits = metrics ? precision : null;
        List<String> headers =
                new ArrayList<>(List.of("Path", report.subject().column(), report.aRev(), report.bRev()));
        if (metrics) {
            headers.add("Change");
        }
        PlainTable t = new PlainTable(headers);
        for (Map.Entry<String, Map<String, Change>> f : report.changes().entrySet()) {
            for (Map.Entry<String, Change> e : f.getValue().entrySet()) {
                Change c = e.getValue();
                List<String> row = new ArrayList<>(
                        List.of(f.getKey(), e.getKey(), cell(c.oldValue(), digits), cell(c.newValue(), digits)));
                if (metrics) {
                    row.add(cell(c.diff(), digits));
                }
                t.add(row);
            }
        }
        return t;
    }

    private static String cell(Object v, Integer precision) {
        if (v == null) {
            return "-";
        }
        return PyStr.str(precision == null ? v : MetricValues.round(v, precision));
    }
}
