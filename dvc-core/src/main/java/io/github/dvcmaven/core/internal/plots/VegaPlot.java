package io.github.dvcmaven.core.internal.plots;

import io.github.dvcmaven.core.api.DvcException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a data plot's files at several revisions into a filled Vega-Lite spec the way dvc does:
 * rows of every (file, y field) source per revision, tagged with {@code rev} (and {@code filename}/
 * {@code field} when several sources vary), x from the rows' index ({@code step}) or an x field,
 * several y fields unified as {@code dvc_inferred_y_value}; colour per revision, dash and shape per
 * source.
 */
public final class VegaPlot {
    static final String STEP = "step";
    static final String REV = "rev";
    static final String FILENAME = "filename";
    static final String FIELD = "field";
    private static final String SEPARATOR = "::";
    private static final List<String> COLORS =
            List.of("#945dd6", "#13adc7", "#f46837", "#48bb78", "#4299e1", "#ed8936", "#f56565");
    private static final List<List<Integer>> DASHES = List.of(
            List.of(1, 0), List.of(8, 8), List.of(8, 4), List.of(4, 4), List.of(4, 2), List.of(2, 1), List.of(1, 1));
    private static final List<String> SHAPES = List.of("circle", "square", "triangle", "diamond");

    /** Rows of one file at one revision; null when the file is missing there. */
    public interface Rows {
        List<Map<String, Object>> of(String rev, String file);
    }

    private record Source(String file, String field) {}

    private VegaPlot() {}

    /** The spec, or null when no revision has data for the plot. */
    public static Map<String, Object> spec(PlotDefinition def, List<String> revs, Rows rows, Object template) {
        List<Source> ys = ySources(def, revs, rows);
        if (ys.isEmpty()) {
            return null;
        }
        List<Source> xs = xSources(def, ys);
        if (xs.size() > 1 && xs.size() != ys.size()) {
            throw new DvcException("plot '" + def.id() + "': cannot have different numbers of x and y data sources ("
                    + xs.size() + " x, " + ys.size() + " y)");
        }
        boolean manyX =
                xs.size() > 1 && xs.stream().map(Source::field).distinct().count() > 1;
        String xName =
                manyX ? "dvc_inferred_x_value" : xs.isEmpty() ? STEP : xs.get(0).field();
        Set<String> yFields = new LinkedHashSet<>();
        Set<String> yFiles = new LinkedHashSet<>();
        ys.forEach(s -> {
            yFields.add(s.field());
            yFiles.add(s.file());
        });
        String yName =
                yFields.size() > 1 ? "dvc_inferred_y_value" : yFields.iterator().next();
        int prefix = yFiles.size() > 1 ? commonDirLength(yFiles) : 0;

        List<Map<String, Object>> points = new ArrayList<>();
        List<String> revsWithData = new ArrayList<>();
        for (String rev : revs) {
            for (int i = 0; i < ys.size(); i++) {
                Source y = ys.get(i);
                List<Map<String, Object>> yRows = rows.of(rev, y.file());
                if (yRows == null) {
                    continue;
                }
                PlotFiles.requireField(yRows, y.field(), y.file());
                List<Map<String, Object>> xRows = null;
                Source x = xs.isEmpty() ? null : xs.get(xs.size() > 1 ? i : 0);
                if (x != null) {
                    xRows = x.file().equals(y.file()) ? yRows : rows.of(rev, x.file());
                    if (xRows == null) {
                        continue;
                    }
                    PlotFiles.requireField(xRows, x.field(), x.file());
                    if (xRows.size() != yRows.size()) {
                        throw new DvcException("plot '" + def.id() + "': cannot join '" + x.field() + "' from '"
                                + x.file() + "' and '" + y.field() + "' from '" + y.file() + "' at " + rev
                                + ": they have different lengths");
                    }
                }
                for (int r = 0; r < yRows.size(); r++) {
                    Map<String, Object> p = new LinkedHashMap<>(yRows.get(r));
                    if (yName.equals("dvc_inferred_y_value")) {
                        p.put(yName, yRows.get(r).get(y.field()));
                    }
                    if (x == null) {
                        p.put(STEP, r);
                    } else if (xRows.get(r).containsKey(x.field())) {
                        p.put(xName, xRows.get(r).get(x.field()));
                    }
                    p.put(REV, rev);
                    p.put(FILENAME, shortName(y.file(), prefix));
                    p.put(FIELD, y.field());
                    points.add(p);
                }
                if (!revsWithData.contains(rev)) {
                    revsWithData.add(rev);
                }
            }
        }
        if (points.isEmpty()) {
            return null;
        }
        List<String> varied = variedKeys(ys, prefix);
        String concat = String.join(SEPARATOR, varied);
        for (Map<String, Object> p : points) {
            if (varied.size() == 2) {
                p.put(concat, p.get(FILENAME) + SEPARATOR + p.get(FIELD));
                p.remove(FILENAME);
                p.remove(FIELD);
            } else {
                for (String k : List.of(FILENAME, FIELD)) {
                    if (!varied.contains(k)) {
                        p.remove(k);
                    }
                }
            }
        }
        Map<String, Object> anchors = anchors(def, xs, ys, xName, yName, points, revsWithData, varied, concat);
        @SuppressWarnings("unchecked")
        Map<String, Object> filled = (Map<String, Object>) Templates.fill(template, anchors);
        return filled;
    }

    private static Map<String, Object> anchors(
            PlotDefinition def,
            List<Source> xs,
            List<Source> ys,
            String xName,
            String yName,
            List<Map<String, Object>> points,
            List<String> revs,
            List<String> varied,
            String concat) {
        Map<String, Object> a = new LinkedHashMap<>();
        String x = escape(xName);
        String y = escape(yName);
        a.put(Templates.anchor("data"), points);
        a.put(Templates.anchor("x"), x);
        a.put(Templates.anchor("y"), y);
        a.put(Templates.anchor("title"), str(def.props().get("title"), def.id()));
        a.put(Templates.anchor("x_label"), str(def.props().get("x_label"), xLabel(xs)));
        a.put(Templates.anchor("y_label"), str(def.props().get("y_label"), yLabel(ys)));
        a.put(Templates.anchor("plot_width"), 300);
        a.put(Templates.anchor("plot_height"), 300);
        a.put(Templates.anchor("zoom_and_pan"), Map.of("name", "grid", "select", "interval", "bind", "scales"));
        a.put(Templates.anchor("color"), mapping(REV, revs, COLORS, false));
        Map<String, Object> parse = new LinkedHashMap<>();
        if (!xName.equals(STEP)) {
            parse.put(xName, "number");
        }
        a.put(Templates.anchor("parse_x"), Map.copyOf(parse));
        parse.put(yName, "number");
        a.put(Templates.anchor("parse"), parse);
        List<String> groupBy = new ArrayList<>(List.of(REV));
        List<Object> tooltip = new ArrayList<>(List.of(Map.of("field", REV), Map.of("field", x), Map.of("field", y)));
        String pivot = "datum." + REV;
        a.put(Templates.anchor("column"), Map.of("field", REV, "sort", revs));
        if (ys.size() > 1 && !varied.isEmpty()) {
            groupBy.add(concat);
            tooltip.add(Map.of("field", concat));
            pivot = String.join(
                    " + '" + SEPARATOR + "' + ",
                    varied.stream().map(k -> "datum." + k).toList());
            pivot = "datum." + REV + " + '" + SEPARATOR + "' + " + pivot;
            List<String> domain = new ArrayList<>(new TreeSet<>(
                    points.stream().map(p -> String.valueOf(p.get(concat))).toList()));
            a.put(Templates.anchor("stroke_dash"), mapping(concat, domain, DASHES, true));
            a.put(Templates.anchor("shape"), mapping(concat, domain, SHAPES, true));
            a.put(Templates.anchor("row"), Map.of("field", concat, "sort", List.of()));
        }
        a.put(Templates.anchor("group_by"), groupBy);
        a.put(Templates.anchor("group_by_x"), plus(groupBy, x));
        a.put(Templates.anchor("group_by_y"), plus(groupBy, y));
        a.put(Templates.anchor("group_by_xy"), plus(plus(groupBy, x), y));
        a.put(Templates.anchor("pivot_field"), pivot);
        a.put(Templates.anchor("tooltip"), tooltip);
        return a;
    }

    private static List<String> plus(List<String> list, String v) {
        List<String> out = new ArrayList<>(list);
        out.add(v);
        return out;
    }

    private static Map<String, Object> mapping(String field, List<String> domain, List<?> range, boolean hollowLegend) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < domain.size(); i++) {
            values.add(range.get(i % range.size()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", field);
        m.put("scale", Map.of("domain", domain, "range", values));
        if (hollowLegend) {
            m.put("legend", Map.of("symbolFillColor", "transparent", "symbolStrokeColor", "grey"));
        }
        return m;
    }

    private static List<Source> ySources(PlotDefinition def, List<String> revs, Rows rows) {
        List<Source> out = new ArrayList<>();
        if (def.y() instanceof Map<?, ?> m) {
            m.forEach((f, v) ->
                    PlotDefinition.fields(v).forEach(field -> out.add(new Source(String.valueOf(f), field))));
        } else if (def.y() != null) {
            PlotDefinition.fields(def.y()).forEach(field -> out.add(new Source(def.file(), field)));
        } else if (def.file() != null) {
            // dvc plots the last column of the first row when y is not given
            for (String rev : revs) {
                List<Map<String, Object>> r = rows.of(rev, def.file());
                if (r != null && !r.isEmpty()) {
                    List<String> keys = new ArrayList<>(r.get(0).keySet());
                    out.add(new Source(def.file(), keys.get(keys.size() - 1)));
                    break;
                }
            }
        }
        return out;
    }

    private static List<Source> xSources(PlotDefinition def, List<Source> ys) {
        List<Source> out = new ArrayList<>();
        if (def.x() instanceof Map<?, ?> m) {
            m.forEach((f, v) ->
                    PlotDefinition.fields(v).forEach(field -> out.add(new Source(String.valueOf(f), field))));
        } else if (def.x() != null) {
            String field = String.valueOf(def.x());
            if (def.y() instanceof Map<?, ?>) {
                ys.stream()
                        .map(Source::file)
                        .distinct()
                        .forEach(f -> ys.stream()
                                .filter(s -> s.file().equals(f))
                                .forEach(s -> out.add(new Source(f, field))));
            } else {
                out.add(new Source(def.file(), field));
            }
        }
        return out;
    }

    private static String xLabel(List<Source> xs) {
        if (xs.isEmpty()) {
            return STEP;
        }
        Set<String> fields = new LinkedHashSet<>();
        xs.forEach(s -> fields.add(s.field()));
        return fields.size() == 1 ? fields.iterator().next() : "x";
    }

    private static String yLabel(List<Source> ys) {
        Set<String> fields = new LinkedHashSet<>();
        ys.forEach(s -> fields.add(s.field()));
        return fields.size() == 1 ? fields.iterator().next() : "y";
    }

    private static List<String> variedKeys(List<Source> ys, int prefix) {
        List<String> out = new ArrayList<>();
        if (ys.size() <= 1) {
            return out;
        }
        if (ys.stream().map(s -> shortName(s.file(), prefix)).distinct().count() > 1) {
            out.add(FILENAME);
        }
        if (ys.stream().map(Source::field).distinct().count() > 1) {
            out.add(FIELD);
        }
        return out;
    }

    private static int commonDirLength(Set<String> files) {
        List<String[]> parts = files.stream().map(f -> f.split("/")).toList();
        int n = 0;
        StringBuilder common = new StringBuilder();
        outer:
        for (int i = 0; ; i++) {
            String seg = null;
            for (String[] p : parts) {
                if (i >= p.length || (seg != null && !seg.equals(p[i]))) {
                    break outer;
                }
                seg = p[i];
            }
            common.append(i == 0 ? "" : "/").append(seg);
            n = common.length();
        }
        return n;
    }

    private static String shortName(String file, int prefix) {
        String s = file.substring(Math.min(prefix, file.length()));
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        return s;
    }

    /** Dots and brackets in a field name would be read as nested access by Vega. */
    static String escape(String field) {
        return field.replace("\\", "\\\\")
                .replace(".", "\\.")
                .replace("[", "\\[")
                .replace("]", "\\]");
    }

    private static String str(Object v, String fallback) {
        return v == null ? fallback : String.valueOf(v);
    }
}
