package io.github.dvcmaven.core.api;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code checkout} changed, as dvc lists it (paths relative to the cwd, directories with a trailing
 * separator), the outputs whose objects are missing from the cache, and dvc's file counts (a directory's
 * members counted one by one) for the summary line.
 */
public record CheckoutResult(
        List<String> added,
        List<String> modified,
        List<String> deleted,
        List<String> failed,
        int filesModified,
        int filesAdded,
        int filesDeleted,
        int filesFetched) {
    public CheckoutResult(List<String> added, List<String> modified, List<String> deleted, List<String> failed) {
        this(added, modified, deleted, failed, modified.size(), added.size(), deleted.size(), 0);
    }

    /** The same checkout, after a fetch that downloaded this many objects (a pull). */
    public CheckoutResult afterFetching(int fetched) {
        return new CheckoutResult(added, modified, deleted, failed, filesModified, filesAdded, filesDeleted, fetched);
    }

    public boolean isEmpty() {
        return added.isEmpty() && modified.isEmpty() && deleted.isEmpty();
    }

    /**
     * dvc pull's last line: "3 files fetched and 2 files added", or "Everything is up to date." when
     * nothing was fetched or changed.
     */
    public String pullSummary() {
        List<String> parts = new ArrayList<>();
        count(parts, filesFetched, "fetched");
        count(parts, filesModified, "modified");
        count(parts, filesAdded, "added");
        count(parts, filesDeleted, "deleted");
        if (parts.isEmpty()) {
            return "Everything is up to date.";
        }
        return parts.size() == 1
                ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static void count(List<String> parts, int n, String state) {
        if (n > 0) {
            parts.add(n + " file" + (n > 1 ? "s" : "") + " " + state);
        }
    }
}
