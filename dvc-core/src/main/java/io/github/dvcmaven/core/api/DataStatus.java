package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.py.PyJson;
import io.github.dvcmaven.core.internal.py.PyStrings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dvc data status}: what the cache and the remote lack, what the stage files changed since HEAD
 * (committed), what the workspace changed since the stage files (uncommitted), untracked and unchanged
 * files; rendered as dvc renders it. dvc lists changes in hash-table order, which varies from run to
 * run; here every list is sorted.
 */
public final class DataStatus {
    /** A change kind and its paths; a rename is "old -> new" in text and {old, new} in JSON. */
    public record Rename(String old, String neu) {}

    private final List<String> notInCache;
    private final List<String> notInRemote;
    private final Map<String, List<Object>> committed;
    private final Map<String, List<Object>> uncommitted;
    private final List<String> untracked;
    private final List<String> unchanged;
    private final boolean gitEmpty;
    private final boolean gitDirty;

    public DataStatus(
            List<String> notInCache,
            List<String> notInRemote,
            Map<String, List<Object>> committed,
            Map<String, List<Object>> uncommitted,
            List<String> untracked,
            List<String> unchanged,
            boolean gitEmpty,
            boolean gitDirty) {
        this.notInCache = sorted(notInCache);
        this.notInRemote = sorted(notInRemote);
        this.committed = committed;
        this.uncommitted = uncommitted;
        this.untracked = sorted(untracked);
        this.unchanged = sorted(unchanged);
        this.gitEmpty = gitEmpty;
        this.gitDirty = gitDirty;
    }

    private static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(PyStrings.CODE_POINT_ORDER);
        return List.copyOf(s);
    }

    public List<String> notInCache() {
        return notInCache;
    }

    public List<String> notInRemote() {
        return notInRemote;
    }

    public Map<String, List<Object>> committed() {
        return committed;
    }

    public Map<String, List<Object>> uncommitted() {
        return uncommitted;
    }

    /** dvc's {@code --json}: the non-empty sections. */
    public String toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : sections().entrySet()) {
            out.put(e.getKey(), json(e.getValue()));
        }
        return PyJson.dumps(out);
    }

    private static Object json(Object section) {
        if (!(section instanceof Map<?, ?> m)) {
            return section;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (((List<?>) v).isEmpty()) {
                return;
            }
            List<Object> items = new ArrayList<>();
            for (Object item : (List<?>) v) {
                if (item instanceof Rename r) {
                    Map<String, Object> pair = new LinkedHashMap<>();
                    pair.put("old", r.old());
                    pair.put("new", r.neu());
                    items.add(pair);
                } else {
                    items.add(item);
                }
            }
            out.put(String.valueOf(k), items);
        });
        return out;
    }

    private Map<String, Object> sections() {
        Map<String, Object> s = new LinkedHashMap<>();
        put(s, "not_in_cache", notInCache);
        put(s, "not_in_remote", notInRemote);
        put(s, "committed", committed);
        put(s, "uncommitted", uncommitted);
        put(s, "untracked", untracked);
        put(s, "unchanged", unchanged);
        return s;
    }

    private static void put(Map<String, Object> s, String key, Object value) {
        boolean empty = value instanceof List<?> l
                ? l.isEmpty()
                : ((Map<?, ?>) value).values().stream().allMatch(v -> ((List<?>) v).isEmpty());
        if (!empty) {
            s.put(key, value);
        }
    }

    private static final Map<String, String> LABELS = Map.of(
            "not_in_remote",
            "Not in remote",
            "not_in_cache",
            "Not in cache",
            "committed",
            "DVC committed changes",
            "uncommitted",
            "DVC uncommitted changes",
            "untracked",
            "Untracked files",
            "unchanged",
            "DVC unchanged files");
    private static final Map<String, List<String>> HINTS = Map.of(
            "not_in_remote", List.of("use \"dvc push <file>...\" to upload files"),
            "not_in_cache", List.of("use \"dvc fetch <file>...\" to download files"),
            "committed", List.of("git commit the corresponding dvc files to update the repo"),
            "uncommitted",
                    List.of(
                            "use \"dvc commit <file>...\" to track changes",
                            "use \"dvc checkout <file>...\" to discard changes"),
            "untracked", List.of("use \"git add <file> ...\" or \"dvc add <file>...\" to commit to git or to dvc"));

    /** dvc's text: a section per kind with its hints, each path indented by eight spaces. */
    public List<String> toLines() {
        List<String> out = new ArrayList<>();
        Map<String, Object> sections = sections();
        if (sections.isEmpty()) {
            out.add("No changes" + (gitEmpty ? " in an empty git repo" : "") + ".");
        }
        boolean first = true;
        for (Map.Entry<String, Object> e : sections.entrySet()) {
            if (!first) {
                out.add("");
            }
            first = false;
            out.add(LABELS.get(e.getKey()) + ":");
            HINTS.getOrDefault(e.getKey(), List.of()).forEach(h -> out.add("  (" + h + ")"));
            List<String> items = new ArrayList<>();
            if (e.getValue() instanceof Map<?, ?> m) {
                m.forEach((state, changes) -> {
                    for (Object c : (List<?>) changes) {
                        items.add(state + ": " + (c instanceof Rename r ? r.old() + " -> " + r.neu() : c));
                    }
                });
            } else {
                ((List<?>) e.getValue()).forEach(i -> items.add(String.valueOf(i)));
            }
            items.forEach(i -> out.add("        " + i));
        }
        if (gitDirty) {
            out.add("(there are " + (sections.isEmpty() ? "" : "other ")
                    + "changes not tracked by dvc, use \"git status\"" + " to see)");
        }
        return out;
    }
}
