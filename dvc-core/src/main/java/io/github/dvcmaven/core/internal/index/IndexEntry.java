package io.github.dvcmaven.core.internal.index;

import io.github.dvcmaven.core.api.HashInfo;

/**
 * An entry of a data index (dvc-data's {@code DataIndexEntry}, as far as diffs read it): its key (the
 * posix path from the repo root), whether it is a directory ({@code null}: not known), and its hash
 * ({@code null}: none, as for a directory inside a tracked directory).
 */
public record IndexEntry(String key, Boolean isdir, HashInfo hash) {
    public static IndexEntry file(String key, HashInfo hash) {
        return new IndexEntry(key, false, hash);
    }

    public static IndexEntry dir(String key, HashInfo hash) {
        return new IndexEntry(key, true, hash);
    }

    public boolean isDirectory() {
        return Boolean.TRUE.equals(isdir);
    }

    /** The path as dvc prints it: a directory with a trailing separator. */
    public String displayPath() {
        return isDirectory() ? key + "/" : key;
    }
}
