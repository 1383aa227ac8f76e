package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.pipeline.Dag;
import io.github.dvcmaven.core.internal.pipeline.Stage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws the pipeline graph as dvc does: ASCII boxes joined by '*' lines (one drawing per connected
 * pipeline), Mermaid ({@code flowchart TD}) and DOT. The ASCII layout layers stages by their longest
 * path from the roots and centres the layers, which is dvc's drawing for chains and trees; for wider
 * graphs dvc's Sugiyama placement may put boxes at other columns.
 */
public final class DagRenderer {
    private final List<String> nodes;
    /** upstream → downstream */
    private final List<String[]> edges;

    /** A graph of these stage addressings, each edge an upstream and a downstream node. */
    public DagRenderer(List<String> nodes, List<String[]> edges) {
        this.nodes = nodes;
        this.edges = edges;
    }

    static DagRenderer of(Dag dag) {
        List<String> nodes = new ArrayList<>();
        List<String[]> edges = new ArrayList<>();
        for (Stage s : dag.stages()) {
            nodes.add(s.addressing());
        }
        for (Stage s : dag.stages()) {
            for (Stage d : dag.downstreamOf(s)) {
                edges.add(new String[] {s.addressing(), d.addressing()});
            }
        }
        return new DagRenderer(nodes, edges);
    }

    /** Weakly connected components, in node order. */
    List<List<String>> pipelines() {
        Map<String, Set<String>> adj = new LinkedHashMap<>();
        nodes.forEach(n -> adj.put(n, new LinkedHashSet<>()));
        for (String[] e : edges) {
            adj.get(e[0]).add(e[1]);
            adj.get(e[1]).add(e[0]);
        }
        List<List<String>> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String n : nodes) {
            if (seen.contains(n)) {
                continue;
            }
            List<String> comp = new ArrayList<>();
            List<String> stack = new ArrayList<>(List.of(n));
            while (!stack.isEmpty()) {
                String cur = stack.remove(stack.size() - 1);
                if (seen.add(cur)) {
                    comp.add(cur);
                    stack.addAll(adj.get(cur));
                }
            }
            comp.sort(Comparator.comparingInt(nodes::indexOf));
            out.add(comp);
        }
        return out;
    }

    /** {@code dvc dag --mermaid}, or with {@code markdown} {@code --md} (the same inside a fenced block). */
    public String mermaid(boolean markdown) {
        StringBuilder sb = new StringBuilder("flowchart TD");
        int total = 0;
        for (List<String> pipeline : pipelines()) {
            Map<String, String> ids = new HashMap<>();
            List<String> sorted = new ArrayList<>(pipeline);
            sorted.sort(null);
            for (String n : sorted) {
                total++;
                ids.put(n, "node" + total);
                sb.append("\n\t")
                        .append("node")
                        .append(total)
                        .append("[\"")
                        .append(n)
                        .append("\"]");
            }
            List<String[]> pe = new ArrayList<>();
            for (String[] e : edges) {
                if (ids.containsKey(e[0])) {
                    pe.add(e);
                }
            }
            pe.sort(Comparator.<String[], String>comparing(e -> e[0]).thenComparing(e -> e[1]));
            for (String[] e : pe) {
                sb.append("\n\t").append(ids.get(e[0])).append("-->").append(ids.get(e[1]));
            }
        }
        return markdown ? "```mermaid\n" + sb + "\n```" : sb.toString();
    }

    /** {@code dvc dag --dot}. */
    public String dot() {
        StringBuilder sb = new StringBuilder("strict digraph {\n");
        for (String n : nodes) {
            sb.append(quote(n)).append(";\n");
        }
        for (String n : nodes) {
            for (String[] e : edges) {
                if (e[0].equals(n)) {
                    sb.append(quote(e[0])).append(" -> ").append(quote(e[1])).append(";\n");
                }
            }
        }
        return sb.append("}\n").toString();
    }

    private static String quote(String label) {
        return label.startsWith("\"") && label.endsWith("\"") ? label : "\"" + label + "\"";
    }

    /** {@code dvc dag}: the boxes of each pipeline, joined by '*' lines. */
    public String ascii() {
        List<String> drawings = new ArrayList<>();
        for (List<String> pipeline : pipelines()) {
            drawings.add(draw(pipeline));
        }
        return String.join("\n", drawings);
    }

    private String draw(List<String> pipeline) {
        Map<String, List<String>> up = new HashMap<>();
        pipeline.forEach(n -> up.put(n, new ArrayList<>()));
        for (String[] e : edges) {
            if (up.containsKey(e[1])) {
                up.get(e[1]).add(e[0]);
            }
        }
        Map<String, Integer> layer = new HashMap<>();
        for (String n : pipeline) {
            layerOf(n, up, layer);
        }
        int layers = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            rows.add(new ArrayList<>());
        }
        for (String n : pipeline) {
            rows.get(layer.get(n)).add(n);
        }
        int minw = pipeline.stream().mapToInt(n -> n.length() + 4).min().orElse(3);
        // order each layer by the mean position of its upstream boxes
        Map<String, Double> centre = new HashMap<>();
        double widest = 0;
        List<double[]> extents = new ArrayList<>();
        for (List<String> row : rows) {
            if (row != rows.get(0)) {
                row.sort(Comparator.comparingDouble(n -> up.get(n).stream()
                        .mapToDouble(u -> centre.getOrDefault(u, 0.0))
                        .average()
                        .orElse(0)));
            }
            double x = 0;
            double start = 0;
            for (int i = 0; i < row.size(); i++) {
                double w = row.get(i).length() + 4;
                if (i > 0) {
                    x += minw;
                }
                centre.put(row.get(i), x + w / 2.0);
                x += w;
            }
            extents.add(new double[] {start, x});
            widest = Math.max(widest, x);
        }
        for (int r = 0; r < rows.size(); r++) {
            double shift = (widest - extents.get(r)[1]) / 2.0 - widest / 2.0;
            for (String n : rows.get(r)) {
                centre.put(n, centre.get(n) + shift);
            }
        }
        double minx = Double.MAX_VALUE;
        double maxx = -Double.MAX_VALUE;
        for (String n : pipeline) {
            double w = n.length() + 4;
            minx = Math.min(minx, centre.get(n) - w / 2.0);
            maxx = Math.max(maxx, centre.get(n) + w / 2.0);
        }
        int cols = (int) Math.ceil(Math.ceil(maxx) - Math.floor(minx)) + 1;
        int lines = layers * 3 + (layers - 1) * 3;
        char[][] canvas = new char[lines][cols];
        for (char[] row : canvas) {
            Arrays.fill(row, ' ');
        }
        for (String[] e : edges) {
            if (!layer.containsKey(e[0]) || !layer.containsKey(e[1])) {
                continue;
            }
            int x0 = (int) Math.rint(centre.get(e[0]) - minx);
            int y0 = layer.get(e[0]) * 6 + 2;
            int x1 = (int) Math.rint(centre.get(e[1]) - minx);
            int y1 = layer.get(e[1]) * 6;
            line(canvas, x0, y0, x1, y1);
        }
        for (String n : pipeline) {
            int w = n.length() + 4;
            int x = (int) Math.rint(centre.get(n) - w / 2.0 - minx);
            int y = layer.get(n) * 6;
            box(canvas, x, y, w, " " + n + " ");
        }
        List<String> out = new ArrayList<>();
        for (char[] row : canvas) {
            out.add(new String(row));
        }
        return String.join("\n", out);
    }

    private static int layerOf(String n, Map<String, List<String>> up, Map<String, Integer> memo) {
        Integer known = memo.get(n);
        if (known != null) {
            return known;
        }
        int l = 0;
        for (String u : up.get(n)) {
            l = Math.max(l, layerOf(u, up, memo) + 1);
        }
        memo.put(n, l);
        return l;
    }

    private static void point(char[][] c, int x, int y, char ch) {
        if (y >= 0 && y < c.length && x >= 0 && x < c[y].length) {
            c[y][x] = ch;
        }
    }

    /** dvc's canvas line: steps along the longer axis, rounding the other coordinate. */
    private static void line(char[][] c, int x0, int y0, int x1, int y1) {
        if (x0 > x1) {
            int t = x0;
            x0 = x1;
            x1 = t;
            t = y0;
            y0 = y1;
            y1 = t;
        }
        int dx = x1 - x0;
        int dy = y1 - y0;
        if (dx == 0 && dy == 0) {
            point(c, x0, y0, '*');
        } else if (Math.abs(dx) >= Math.abs(dy)) {
            for (int x = x0; x <= x1; x++) {
                int y = dx == 0 ? y0 : y0 + (int) Math.rint((x - x0) * (double) dy / dx);
                point(c, x, y, '*');
            }
        } else if (y0 < y1) {
            for (int y = y0; y <= y1; y++) {
                int x = x0 + (int) Math.rint((y - y0) * (double) dx / dy);
                point(c, x, y, '*');
            }
        } else {
            for (int y = y1; y <= y0; y++) {
                int x = x1 + (int) Math.rint((y - y1) * (double) dx / dy);
                point(c, x, y, '*');
            }
        }
    }

    private static void box(char[][] c, int x0, int y0, int width, String text) {
        int w = width - 1;
        for (int x = x0; x < x0 + w; x++) {
            point(c, x, y0, '-');
            point(c, x, y0 + 2, '-');
        }
        for (int y = y0; y < y0 + 2; y++) {
            point(c, x0, y, '|');
            point(c, x0 + w, y, '|');
        }
        point(c, x0, y0, '+');
        point(c, x0 + w, y0, '+');
        point(c, x0, y0 + 2, '+');
        point(c, x0 + w, y0 + 2, '+');
        for (int i = 0; i < text.length(); i++) {
            point(c, x0 + 1 + i, y0 + 1, text.charAt(i));
        }
    }
}
