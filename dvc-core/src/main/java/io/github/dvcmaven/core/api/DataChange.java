package io.github.dvcmaven.core.api;

import java.util.Objects;

/**
 * One difference between two data indexes (two revisions, a revision's stage files and the workspace,
 * or the stage files and the cache), as dvc-data's index diff names it. Directories end with "/"; a
 * rename has both paths, a modification both hashes.
 *
 * @param kind what happened to the path
 * @param path the path (the old one of a rename)
 * @param newPath the new path of a rename, else null
 * @param hash the old side's hash (the only side's for an addition), null when not known
 * @param newHash the new side's hash of a modification, else null
 */
public record DataChange(Kind kind, String path, String newPath, String hash, String newHash) {
    /** The kinds of change, each with dvc's word for it. */
    public enum Kind {
        /** The path is only on the new side. */
        ADDED("added"),
        /** The path is only on the old side. */
        DELETED("deleted"),
        /** The path is on both sides with different content. */
        MODIFIED("modified"),
        /** The content moved to another path. */
        RENAMED("renamed"),
        /** dvc cannot tell: one side's content is not known (a directory whose manifest the cache lacks). */
        UNKNOWN("unknown"),
        /** The path is on both sides with the same content. */
        UNCHANGED("unchanged"),
        /** The old side's object is not in the cache. */
        NOT_IN_CACHE("not in cache");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** dvc's word for this kind. */
        public String text() {
            return text;
        }
    }

    public DataChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
    }

    /** A change with one path and one hash (added, deleted, unknown, unchanged, not in cache). */
    public static DataChange of(Kind kind, String path, String hash) {
        return new DataChange(kind, path, null, hash, null);
    }

    /** A path whose content went from {@code hash} to {@code newHash}. */
    public static DataChange modified(String path, String hash, String newHash) {
        return new DataChange(Kind.MODIFIED, path, null, hash, newHash);
    }

    /** A path moved to {@code newPath} with its content ({@code hash}) unchanged. */
    public static DataChange renamed(String path, String newPath, String hash) {
        return new DataChange(Kind.RENAMED, path, newPath, hash, null);
    }
}
