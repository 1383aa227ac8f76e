package io.github.dvcmaven.core.repo;

import io.github.dvcmaven.core.py.PyJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dvc's status structure: stage addressing → entries, each a {@code {"changed deps": {...}}},
 * {@code {"changed outs": {...}}} map or a bare string ({@code "changed command"}, ...). Stages without
 * changes are absent. Renders as dvc's text and as dvc's {@code --json}.
 */
public final class StatusReport {
    public static final String UP_TO_DATE = "Data and pipelines are up to date.";
    public static final String EMPTY_PROJECT = "There are no data or pipelines tracked in this project yet.";

    private final Map<String, List<Object>> stages;
    private final boolean projectEmpty;

    public StatusReport(Map<String, List<Object>> stages, boolean projectEmpty) {
        this.stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
        this.projectEmpty = projectEmpty;
    }

    public Map<String, List<Object>> stages() {
        return stages;
    }

    public boolean isClean() {
        return stages.isEmpty();
    }

    public boolean projectEmpty() {
        return projectEmpty;
    }

    /** Compact JSON, as {@code dvc status --json} prints when not on a terminal. */
    public String toJson() {
        return PyJson.dumps(stages);
    }

    /** The text dvc prints; lines without trailing newline. */
    public List<String> toLines() {
        List<String> out = new ArrayList<>();
        if (stages.isEmpty()) {
            out.add(projectEmpty ? EMPTY_PROJECT : UP_TO_DATE);
            return out;
        }
        show(stages, 0, out);
        return out;
    }

    private static void show(Object status, int indent, List<String> out) {
        String ind = "\t".repeat(indent);
        if (status instanceof String s) {
            out.add(ind + s);
        } else if (status instanceof List<?> list) {
            for (Object entry : list) {
                show(entry, indent, out);
            }
        } else if (status instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() instanceof String value) {
                    out.add(ind + pad(value) + e.getKey());
                } else if (e.getValue() != null && !(e.getValue() instanceof Map<?, ?> m && m.isEmpty())
                        && !(e.getValue() instanceof List<?> l && l.isEmpty())) {
                    out.add(ind + e.getKey() + ":");
                    show(e.getValue(), indent + 1, out);
                }
            }
        }
    }

    private static String pad(String status) {
        String s = status + ":";
        return s + " ".repeat(Math.max(0, 20 - s.length()));
    }
}
