package io.github.dvcmaven.core.internal.render;

import io.github.dvcmaven.core.api.DataChange;
import io.github.dvcmaven.core.api.DataStatus;
import io.github.dvcmaven.core.api.PathState;
import io.github.dvcmaven.core.api.StageChange;
import io.github.dvcmaven.core.api.StageStatus;
import io.github.dvcmaven.core.api.StatusReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nested maps dvc's status commands build before printing them: its text and its {@code --json}
 * are both read off these, so both renderings start here.
 */
final class StatusStructure {
    /** dvc's order of change kinds in {@code data status}. */
    static final List<DataChange.Kind> DATA_KINDS = List.of(
            DataChange.Kind.MODIFIED,
            DataChange.Kind.ADDED,
            DataChange.Kind.DELETED,
            DataChange.Kind.RENAMED,
            DataChange.Kind.UNKNOWN);

    private StatusStructure() {}

    /** {@code dvc status}: stage addressing to entries, each a {"changed deps": {...}} map or a word. */
    static Map<String, List<Object>> stages(StatusReport report) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (StageStatus s : report.stageStatuses()) {
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

    private static Map<String, String> keyTexts(Map<String, PathState> keys) {
        Map<String, String> out = new LinkedHashMap<>();
        keys.forEach((k, v) -> out.put(k, v.text()));
        return out;
    }

    /**
     * {@code dvc data status}: its non-empty sections in dvc's order; a path list, or (committed,
     * uncommitted) change kind to changes.
     */
    static Map<String, Object> dataSections(DataStatus st) {
        Map<String, Object> s = new LinkedHashMap<>();
        putList(s, "not_in_cache", st.notInCache());
        putList(s, "not_in_remote", st.notInRemote());
        putChanges(s, "committed", st.committed());
        putChanges(s, "uncommitted", st.uncommitted());
        putList(s, "untracked", st.untracked());
        putList(s, "unchanged", st.unchanged());
        return s;
    }

    private static void putList(Map<String, Object> s, String key, List<String> paths) {
        if (!paths.isEmpty()) {
            s.put(key, paths);
        }
    }

    private static void putChanges(Map<String, Object> s, String key, List<DataChange> changes) {
        Map<DataChange.Kind, List<DataChange>> byKind = new LinkedHashMap<>();
        for (DataChange.Kind k : DATA_KINDS) {
            List<DataChange> of = changes.stream().filter(c -> c.kind() == k).toList();
            if (!of.isEmpty()) {
                byKind.put(k, of);
            }
        }
        if (!byKind.isEmpty()) {
            s.put(key, byKind);
        }
    }
}
