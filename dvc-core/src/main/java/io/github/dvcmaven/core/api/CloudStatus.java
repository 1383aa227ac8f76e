package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.py.PyJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the objects of a scope are: each object once, under the first output (or directory member) and
 * revision naming it, with whether the local cache and its remote have it. {@code manifestsFetched}
 * counts the {@code .dir} manifests read from the remote to learn a directory's files; no other object
 * is downloaded.
 */
public record CloudStatus(List<Entry> entries, List<String> remotes, int manifestsFetched) {
    /** One object: the name dvc gives it, its hash, the revisions naming it, its remote and where it is. */
    public record Entry(String name, HashInfo hash, String revision, String remote, boolean local, boolean onRemote) {
        /** dvc's word: new (only in the cache), deleted (only on the remote), missing (neither); null when both. */
        public String state() {
            if (local && !onRemote) {
                return "new";
            }
            if (!local && onRemote) {
                return "deleted";
            }
            return local ? null : "missing";
        }
    }

    public CloudStatus {
        entries = List.copyOf(entries);
        remotes = List.copyOf(remotes);
    }

    /** {@code dvc status -c}'s structure: name → new, deleted or missing. */
    /** {@code dvc status -c --json}: the {@link #toDvcMap()} as dvc prints it. */
    public String toJson() {
        return PyJson.dumps(toDvcMap());
    }

    public Map<String, String> toDvcMap() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.state() != null) {
                out.put(e.name(), e.state());
            }
        }
        return out;
    }

    /** What a clone could not restore from its remote. */
    public List<Entry> notOnRemote() {
        return entries.stream().filter(e -> !e.onRemote()).toList();
    }
}
