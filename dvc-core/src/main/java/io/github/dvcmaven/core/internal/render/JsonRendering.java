package io.github.dvcmaven.core.internal.render;

import io.github.dvcmaven.core.api.Change;
import io.github.dvcmaven.core.api.CloudStatus;
import io.github.dvcmaven.core.api.DataChange;
import io.github.dvcmaven.core.api.DataDiff;
import io.github.dvcmaven.core.api.DataStatus;
import io.github.dvcmaven.core.api.DiffReport;
import io.github.dvcmaven.core.api.MetricsReport;
import io.github.dvcmaven.core.api.RenderOptions;
import io.github.dvcmaven.core.api.RepoListing;
import io.github.dvcmaven.core.api.Report;
import io.github.dvcmaven.core.api.StatusReport;
import io.github.dvcmaven.core.internal.py.PyJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** dvc's {@code --json} of each report, compact as dvc prints it when not on a terminal. */
public final class JsonRendering {
    private JsonRendering() {}

    public static String json(Report report, RenderOptions options) {
        return PyJson.dumps(structure(report, options));
    }

    private static Object structure(Report report, RenderOptions options) {
        if (report instanceof StatusReport r) {
            return StatusStructure.stages(r);
        }
        if (report instanceof DataDiff r) {
            return diff(r, options.showHash());
        }
        if (report instanceof DataStatus r) {
            return dataStatus(r);
        }
        if (report instanceof CloudStatus r) {
            return cloudStatus(r);
        }
        if (report instanceof MetricsReport r) {
            return metrics(r);
        }
        if (report instanceof DiffReport r) {
            return diffReport(r);
        }
        if (report instanceof RepoListing r) {
            return ListingRendering.json(r);
        }
        throw new IllegalArgumentException(
                "dvc prints no JSON for " + report.getClass().getSimpleName());
    }

    /** {@code status -c --json}: name to new, deleted or missing. */
    private static Map<String, String> cloudStatus(CloudStatus st) {
        Map<String, String> out = new LinkedHashMap<>();
        for (CloudStatus.Entry e : st.entries()) {
            if (e.state() != null) {
                out.put(e.name(), e.state().text());
            }
        }
        return out;
    }

    /** {@code {}} without changes, else every kind (not in cache only against the workspace). */
    private static Map<String, Object> diff(DataDiff diff, boolean showHash) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (diff.isEmpty()) {
            return out;
        }
        for (DataChange.Kind kind : DiffShape.JSON) {
            if (kind == DataChange.Kind.NOT_IN_CACHE && diff.hideMissing()) {
                continue;
            }
            List<Object> list = new ArrayList<>();
            for (DataChange c : diff.changes(kind)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", kind == DataChange.Kind.RENAMED ? oldNew(c.path(), c.newPath()) : c.path());
                if (showHash) {
                    m.put("hash", kind == DataChange.Kind.MODIFIED ? oldNew(c.hash(), c.newHash()) : c.hash());
                }
                list.add(m);
            }
            out.put(kind.text(), list);
        }
        return out;
    }

    private static Map<String, Object> oldNew(Object old, Object neu) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("old", old);
        m.put("new", neu);
        return m;
    }

    /** The non-empty sections; a rename as {old, new}. */
    private static Map<String, Object> dataStatus(DataStatus st) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : StatusStructure.dataSections(st).entrySet()) {
            if (e.getValue() instanceof Map<?, ?> byKind) {
                Map<String, Object> kinds = new LinkedHashMap<>();
                byKind.forEach((kind, changes) -> {
                    List<Object> items = new ArrayList<>();
                    for (Object o : (List<?>) changes) {
                        DataChange c = (DataChange) o;
                        items.add(c.newPath() != null ? oldNew(c.path(), c.newPath()) : c.path());
                    }
                    kinds.put(((DataChange.Kind) kind).text(), items);
                });
                out.put(e.getKey(), kinds);
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** {rev: {"data": {file: {"data": ...} | {"error": ...}}}}, the workspace as "". */
    private static Map<String, Object> metrics(MetricsReport report) {
        Map<String, Object> files = new LinkedHashMap<>();
        report.data().forEach((f, d) -> files.put(f, Map.of("data", d)));
        report.errors()
                .forEach((f, err) -> files.put(f, Map.of("error", Map.of("type", "FileNotFoundError", "msg", err))));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(report.rev().equals("workspace") ? "" : report.rev(), Map.of("data", files));
        return root;
    }

    /** file to key to {old, new[, diff]}. */
    private static Map<String, Object> diffReport(DiffReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        report.changes().forEach((file, keys) -> {
            Map<String, Object> fm = new LinkedHashMap<>();
            keys.forEach((k, c) -> fm.put(k, change(c)));
            root.put(file, fm);
        });
        return root;
    }

    private static Map<String, Object> change(Change c) {
        Map<String, Object> cm = oldNew(c.oldValue(), c.newValue());
        if (c.diff() != null) {
            cm.put("diff", c.diff());
        }
        return cm;
    }
}
