package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.py.PyJson;
import io.github.dvcmaven.core.internal.py.PyStrings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dvc diff}: the tracked files and directories added, deleted, modified and renamed between two
 * revisions (or a revision and the workspace), and those of the old revision the cache lacks; rendered
 * as dvc renders it (text, {@code --json}, {@code --md}, with or without hashes).
 */
public final class DataDiff {
    /** One changed path; a rename has both paths, a modification both hashes. Directories end with "/". */
    public record Entry(String path, String newPath, String hash, String newHash) {}

    public enum State {
        ADDED("added"),
        DELETED("deleted"),
        MODIFIED("modified"),
        RENAMED("renamed"),
        NOT_IN_CACHE("not in cache");

        private final String word;

        State(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** dvc's order of the text and Markdown groups. */
    private static final List<State> SHOWN =
            List.of(State.ADDED, State.DELETED, State.RENAMED, State.MODIFIED, State.NOT_IN_CACHE);

    private final Map<State, List<Entry>> entries;
    private final boolean hideMissing;

    public DataDiff(Map<State, List<Entry>> entries, boolean hideMissing) {
        Map<State, List<Entry>> sorted = new LinkedHashMap<>();
        for (State s : State.values()) {
            List<Entry> list = new ArrayList<>(entries.getOrDefault(s, List.of()));
            list.sort(Comparator.comparing(Entry::path, PyStrings.CODE_POINT_ORDER));
            sorted.put(s, List.copyOf(list));
        }
        this.entries = sorted;
        this.hideMissing = hideMissing;
    }

    public List<Entry> get(State s) {
        return entries.get(s);
    }

    public boolean isEmpty() {
        return entries.values().stream().allMatch(List::isEmpty);
    }

    private List<State> states() {
        return hideMissing ? SHOWN.subList(0, SHOWN.size() - 1) : SHOWN;
    }

    /** dvc's {@code --json}: {@code {}} without changes, else every state (not in cache only against the workspace). */
    public String toJson(boolean showHash) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!isEmpty()) {
            for (State s : State.values()) {
                if (s == State.NOT_IN_CACHE && hideMissing) {
                    continue;
                }
                List<Object> list = new ArrayList<>();
                for (Entry e : entries.get(s)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("path", s == State.RENAMED ? Map.of("old", e.path(), "new", e.newPath()) : e.path());
                    if (showHash) {
                        m.put("hash", s == State.MODIFIED ? Map.of("old", e.hash(), "new", e.newHash()) : e.hash());
                    }
                    list.add(orderedPath(m));
                }
                out.put(s.word(), list);
            }
        }
        return PyJson.dumps(out);
    }

    /** Map.of has no order; dvc writes "old" before "new". */
    private static Map<String, Object> orderedPath(Map<String, Object> m) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> inner) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("old", inner.get("old"));
                o.put("new", inner.get("new"));
                e.setValue(o);
            }
        }
        return m;
    }

    private static String shown(State s, Entry e) {
        return s == State.RENAMED ? e.path() + " -> " + e.newPath() : e.path();
    }

    private static String digest(State s, Entry e) {
        return s == State.MODIFIED ? prefix(e.hash()) + ".." + prefix(e.newHash()) : prefix(e.hash());
    }

    private static String prefix(String hash) {
        return hash == null ? "" : hash.substring(0, Math.min(8, hash.length()));
    }

    /** dvc's text: a group per state, then the file counts (directories not counted); nothing without changes. */
    public List<String> toLines(boolean showHash) {
        List<String> out = new ArrayList<>();
        if (isEmpty()) {
            return out;
        }
        List<String> summary = new ArrayList<>();
        for (State s : states()) {
            List<Entry> list = entries.get(s);
            if (list.isEmpty()) {
                continue;
            }
            out.add(Character.toUpperCase(s.word().charAt(0)) + s.word().substring(1) + ":");
            int files = 0;
            for (Entry e : list) {
                String hash = showHash ? digest(s, e) : "";
                out.add("    " + hash + (hash.isEmpty() ? "" : "  ") + shown(s, e));
                files += shown(s, e).endsWith("/") ? 0 : 1;
            }
            out.add("");
            if (files > 0) {
                summary.add(files + " " + s.word());
            }
        }
        if (!summary.isEmpty()) {
            out.add("files summary: " + String.join(", ", summary));
        }
        return out;
    }

    /** dvc's {@code --md}: a GitHub table of status, (hash,) path. */
    public List<String> toMarkdown(boolean showHash) {
        PlainTable t = new PlainTable(showHash ? List.of("Status", "Hash", "Path") : List.of("Status", "Path"));
        for (State s : states()) {
            for (Entry e : entries.get(s)) {
                t.add(showHash ? List.of(s.word(), digest(s, e), shown(s, e)) : List.of(s.word(), shown(s, e)));
            }
        }
        return t.markdown();
    }
}
