package io.github.dvcmaven.core.api;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code checkout} changed, as dvc lists it (paths relative to the cwd, directories with a trailing
 * separator), the outputs whose objects are missing from the cache, and dvc's file counts (a directory's
 * members counted one by one) for the summary line; {@code pulled} when a fetch came first (a pull),
 * which dvc reports with the number of files fetched.
 */
public record CheckoutResult(
        List<String> added,
        List<String> modified,
        List<String> deleted,
        List<String> failed,
        int filesModified,
        int filesAdded,
        int filesDeleted,
        int filesFetched,
        boolean pulled)
        implements Report {
    public CheckoutResult {
        added = List.copyOf(added);
        modified = List.copyOf(modified);
        deleted = List.copyOf(deleted);
        failed = List.copyOf(failed);
    }

    /** A checkout's changes, each output counted as one file. */
    public CheckoutResult(List<String> added, List<String> modified, List<String> deleted, List<String> failed) {
        this(added, modified, deleted, failed, modified.size(), added.size(), deleted.size(), 0, false);
    }

    /** The same checkout, after a fetch that downloaded this many objects (a pull). */
    public CheckoutResult afterFetching(int fetched) {
        return new CheckoutResult(
                added, modified, deleted, failed, filesModified, filesAdded, filesDeleted, fetched, true);
    }

    /**
     * The same changes, typed: the workspace against the cache's view of the stage files, in dvc's
     * order (modified, added, deleted).
     */
    public List<DataChange> changes() {
        List<DataChange> out = new ArrayList<>();
        modified.forEach(p -> out.add(DataChange.of(DataChange.Kind.MODIFIED, p, null)));
        added.forEach(p -> out.add(DataChange.of(DataChange.Kind.ADDED, p, null)));
        deleted.forEach(p -> out.add(DataChange.of(DataChange.Kind.DELETED, p, null)));
        return out;
    }

    /** True when the checkout added, modified and deleted nothing. */
    public boolean isEmpty() {
        return added.isEmpty() && modified.isEmpty() && deleted.isEmpty();
    }
}
