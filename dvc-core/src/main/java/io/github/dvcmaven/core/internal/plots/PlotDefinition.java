package io.github.dvcmaven.core.internal.plots;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One plot as dvc.yaml defines it: a top-level {@code plots} entry or a stage's plots output.
 * {@code file} is the data or image file the id names (null for a named plot whose {@code y} lists
 * files); {@code x} is null, a field, or file → field; {@code y} null, a field, a list of fields, or
 * file → field(s). File paths are repo-relative.
 */
public record PlotDefinition(String id, String file, Object x, Object y, Map<String, Object> props) {
    public PlotDefinition {
        props = props == null ? Map.of() : Map.copyOf(props);
    }

    public String template() {
        Object t = props.get("template");
        return t == null ? null : String.valueOf(t);
    }

    public boolean isImage() {
        return file != null && y == null && PlotFiles.isImage(file);
    }

    /** Every file the plot reads. */
    public Set<String> files() {
        Set<String> out = new LinkedHashSet<>();
        if (y instanceof Map<?, ?> m) {
            m.keySet().forEach(k -> out.add(String.valueOf(k)));
        } else if (file != null) {
            out.add(file);
        }
        if (x instanceof Map<?, ?> m) {
            m.keySet().forEach(k -> out.add(String.valueOf(k)));
        }
        return out;
    }

    static List<String> fields(Object v) {
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return v == null ? List.of() : List.of(String.valueOf(v));
    }
}
