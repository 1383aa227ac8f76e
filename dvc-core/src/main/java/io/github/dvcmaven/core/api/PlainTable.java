package io.github.dvcmaven.core.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The two table styles dvc prints through tabulate: "plain" (columns separated by two spaces, rows
 * right-trimmed) and "github" (Markdown). All cells are text, left-aligned; a column is at least two
 * wider than its header, as tabulate pads headers.
 */
public final class PlainTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    /** An empty table with these column headers. */
    public PlainTable(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    /** Appends a row, one cell per header. */
    public void add(List<String> row) {
        rows.add(List.copyOf(row));
    }

    /** The column headers. */
    public List<String> headers() {
        return headers;
    }

    /** The rows, in the order added. */
    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** True when the table has no rows. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    private int[] widths() {
        int[] w = new int[headers.size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = headers.get(c).length() + 2;
            for (List<String> r : rows) {
                w[c] = Math.max(w[c], r.get(c).length());
            }
        }
        return w;
    }

    /** The table as dvc prints it on a terminal: columns padded, headers first. */
    public List<String> plain() {
        int[] w = widths();
        List<String> out = new ArrayList<>();
        out.add(line(headers, w, "", "  ", "").stripTrailing());
        for (List<String> r : rows) {
            out.add(line(r, w, "", "  ", "").stripTrailing());
        }
        return out;
    }

    /** The table as a GitHub Markdown table, as dvc's {@code --md} prints it. */
    public List<String> markdown() {
        int[] w = widths();
        List<String> out = new ArrayList<>();
        out.add(line(headers, w, "| ", " | ", " |"));
        StringBuilder sep = new StringBuilder("|");
        for (int width : w) {
            sep.append("-".repeat(width + 2)).append('|');
        }
        out.add(sep.toString());
        for (List<String> r : rows) {
            out.add(line(r, w, "| ", " | ", " |"));
        }
        return out;
    }

    private static String line(List<String> cells, int[] w, String begin, String sep, String end) {
        StringBuilder sb = new StringBuilder(begin);
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                sb.append(sep);
            }
            sb.append(cells.get(c)).append(" ".repeat(w[c] - cells.get(c).length()));
        }
        return sb.append(end).toString();
    }
}
