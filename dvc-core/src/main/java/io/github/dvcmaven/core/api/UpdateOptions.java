package io.github.dvcmaven.core.api;

import java.util.List;

/**
 * {@code dvc update}: brings imports to the latest commit of their revision, or to a new one.
 *
 * @param targets the import pointers (or directories of them with {@code recursive})
 * @param rev a new source revision to follow ({@code --rev}); null: the one each pointer records
 * @param recursive update every import pointer under the directories named ({@code -R})
 * @param download false: record the new revision and hashes only ({@code --no-download})
 */
public record UpdateOptions(List<String> targets, String rev, boolean recursive, boolean download) {
    public UpdateOptions {
        targets = List.copyOf(targets);
    }

    /** An update of these pointers to the newest commit of their recorded revision. */
    public static UpdateOptions of(List<String> targets) {
        return new UpdateOptions(targets, null, false, true);
    }

    /** Follow a new source revision ({@code --rev}). */
    public UpdateOptions withRev(String value) {
        return new UpdateOptions(targets, value, recursive, download);
    }

    /** Update every import pointer under the directories named ({@code -R}). */
    public UpdateOptions withRecursive(boolean on) {
        return new UpdateOptions(targets, rev, on, download);
    }

    /** Whether to download the data now (false: {@code --no-download}). */
    public UpdateOptions withDownload(boolean on) {
        return new UpdateOptions(targets, rev, recursive, on);
    }
}
