package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.py.PyJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stages that are not up to date, each with its typed changes, and (for a status allowed to miss
 * data) what this checkout lacked. Renders as dvc's status structure: stage addressing → entries, each a
 * {@code {"changed deps": {...}}} / {@code {"changed outs": {...}}} map or a bare string; dvc's text and
 * dvc's {@code --json} come from that structure.
 */
public final class StatusReport {
    public static final String UP_TO_DATE = "Data and pipelines are up to date.";
    public static final String EMPTY_PROJECT = "There are no data or pipelines tracked in this project yet.";

    private final List<StageStatus> stages;
    private final boolean projectEmpty;
    private final MissingData missing;

    public StatusReport(List<StageStatus> stages, boolean projectEmpty, MissingData missing) {
        this.stages = List.copyOf(stages);
        this.projectEmpty = projectEmpty;
        this.missing = missing;
    }

    public List<StageStatus> stageStatuses() {
        return stages;
    }

    /** dvc's structure: addressing → entries. */
    public Map<String, List<Object>> stages() {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (StageStatus s : stages) {
            out.put(s.addressing(), entries(s.changes()));
        }
        return out;
    }

    private static List<Object> entries(List<StageChange> changes) {
        Map<String, Object> deps = new LinkedHashMap<>();
        Map<String, Object> outs = new LinkedHashMap<>();
        List<Object> flags = new ArrayList<>();
        for (StageChange c : changes) {
            if (c instanceof StageChange.PathChange p) {
                (p.section() == StageChange.Section.DEPS ? deps : outs)
                        .put(p.path(), p.state().text());
            } else if (c instanceof StageChange.ParamsChange p) {
                deps.put(p.file(), p.keys().isEmpty() ? p.state().text() : keyTexts(p.keys()));
            } else if (c instanceof StageChange.StageFlag f) {
                flags.add(f.text());
            }
        }
        List<Object> entries = new ArrayList<>();
        if (!deps.isEmpty()) {
            entries.add(Map.of(StageChange.Section.DEPS.title(), deps));
        }
        if (!outs.isEmpty()) {
            entries.add(Map.of(StageChange.Section.OUTS.title(), outs));
        }
        entries.addAll(flags);
        return entries;
    }

    public boolean isClean() {
        return stages.isEmpty();
    }

    public boolean projectEmpty() {
        return projectEmpty;
    }

    /** What this checkout lacked, for a status allowed to miss data; {@link MissingData#NONE} otherwise. */
    public MissingData missing() {
        return missing;
    }

    /** Compact JSON, as {@code dvc status --json} prints when not on a terminal. */
    public String toJson() {
        return PyJson.dumps(stages());
    }

    /** The text dvc prints; lines without trailing newline. */
    public List<String> toLines() {
        List<String> out = new ArrayList<>();
        if (stages.isEmpty()) {
            out.add(projectEmpty ? EMPTY_PROJECT : UP_TO_DATE);
            return out;
        }
        show(stages(), 0, out);
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
                } else if (e.getValue() != null
                        && !(e.getValue() instanceof Map<?, ?> m && m.isEmpty())
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

    private static Map<String, String> keyTexts(Map<String, PathState> keys) {
        Map<String, String> out = new LinkedHashMap<>();
        keys.forEach((k, v) -> out.put(k, v.text()));
        return out;
    }
}
