package io.github.dvcmaven.core.internal.plots;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.format.params.ParamsFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What a plot file holds: rows of named values for data plots, or an image. */
public final class PlotFiles {
    private static final Set<String> DATA = Set.of(".csv", ".tsv", ".json", ".yaml", ".yml");
    private static final Map<String, String> IMAGES = Map.of(
            ".png",
            "image/png",
            ".jpg",
            "image/jpeg",
            ".jpeg",
            "image/jpeg",
            ".gif",
            "image/gif",
            ".svg",
            "image/svg+xml");

    private PlotFiles() {}

    public static boolean isImage(String path) {
        return IMAGES.containsKey(extension(path));
    }

    public static boolean isData(String path) {
        return DATA.contains(extension(path));
    }

    public static String mimeType(String path) {
        return IMAGES.get(extension(path));
    }

    /**
     * The rows of a data file. CSV/TSV values stay strings, as dvc keeps them; JSON/YAML give the first
     * list of uniform records found (lists side by side at the same level are merged row by row).
     */
    public static List<Map<String, Object>> rows(byte[] content, String path) {
        String text = new String(content, StandardCharsets.UTF_8);
        String ext = extension(path);
        if (ext.equals(".csv") || ext.equals(".tsv")) {
            return table(text, ext.equals(".tsv") ? '\t' : ',');
        }
        Object parsed = ParamsFiles.parse(text, path, ext);
        List<Map<String, Object>> out = new ArrayList<>();
        collect(parsed, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<Map<String, Object>> out) {
        if (node instanceof List<?> list) {
            mergeRecords(list, out);
        } else if (node instanceof Map<?, ?> map) {
            for (Object v : map.values()) {
                if (v instanceof Map<?, ?>) {
                    collect(v, out);
                } else if (v instanceof List<?> l) {
                    mergeRecords(l, out);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void mergeRecords(List<?> list, List<Map<String, Object>> out) {
        if (list.isEmpty() || !list.stream().allMatch(e -> e instanceof Map<?, ?>)) {
            return;
        }
        Set<?> keys = ((Map<?, ?>) list.get(0)).keySet();
        if (!list.stream().allMatch(e -> keys.containsAll(((Map<?, ?>) e).keySet()))) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (out.size() <= i) {
                out.add(new LinkedHashMap<>());
            }
            ((Map<Object, Object>) (Map<?, ?>) out.get(i)).putAll((Map<Object, Object>) list.get(i));
        }
    }

    private static List<Map<String, Object>> table(String text, char sep) {
        List<List<String>> records = CsvRecords.parse(text, sep);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (records.isEmpty()) {
            return rows;
        }
        List<String> header = records.get(0);
        for (List<String> r : records.subList(1, records.size())) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < r.size() ? r.get(i) : null);
            }
            rows.add(row);
        }
        return rows;
    }

    static String extension(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        int slash = lower.lastIndexOf('/');
        int dot = lower.lastIndexOf('.');
        return dot > slash ? lower.substring(dot) : "";
    }

    /** Checks a field exists in the rows, with dvc's message otherwise. */
    static void requireField(List<Map<String, Object>> rows, String field, String file) {
        if (!rows.isEmpty() && !rows.get(0).containsKey(field)) {
            throw new DvcException("could not find field '" + field + "' in '" + file + "' (fields: "
                    + String.join(", ", rows.get(0).keySet()) + ")");
        }
    }
}
