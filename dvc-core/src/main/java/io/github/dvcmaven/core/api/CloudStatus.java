package io.github.dvcmaven.core.api;

import java.util.List;

/**
 * Where the objects of a scope are: each object once, under the first output (or directory member) and
 * revision naming it, with whether the local cache and its remote have it. {@code manifestsFetched}
 * counts the {@code .dir} manifests read from the remote to learn a directory's files; no other object
 * is downloaded.
 */
public record CloudStatus(List<Entry> entries, List<String> remotes, int manifestsFetched) implements Report {
    /** Where an object is, in dvc's words. */
    public enum State {
        /** Only in the local cache. */
        NEW("new"),
        /** Only on the remote. */
        DELETED("deleted"),
        /** Neither in the cache nor on the remote. */
        MISSING("missing");

        private final String text;

        State(String text) {
            this.text = text;
        }

        /** dvc's word. */
        public String text() {
            return text;
        }
    }

    /** One object: the name dvc gives it, its hash, the revisions naming it, its remote and where it is. */
    public record Entry(String name, HashInfo hash, String revision, String remote, boolean local, boolean onRemote) {
        /** Where the object is; null when both the cache and the remote have it. */
        public State state() {
            if (local && !onRemote) {
                return State.NEW;
            }
            if (!local && onRemote) {
                return State.DELETED;
            }
            return local ? null : State.MISSING;
        }
    }

    public CloudStatus {
        entries = List.copyOf(entries);
        remotes = List.copyOf(remotes);
    }

    /** What a clone could not restore from its remote. */
    public List<Entry> notOnRemote() {
        return entries.stream().filter(e -> !e.onRemote()).toList();
    }
}
