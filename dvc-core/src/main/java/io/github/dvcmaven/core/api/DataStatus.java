package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.py.PyStrings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code dvc data status}: what the cache and the remote lack, what the stage files changed since HEAD
 * (committed), what the workspace changed since the stage files (uncommitted), untracked and unchanged
 * files. dvc lists changes in hash-table order, which varies from run to run; here every list is sorted.
 *
 * @param notInCache paths whose object the cache lacks
 * @param notInRemote paths whose object the remote lacks (only when asked for)
 * @param committed HEAD's stage files against the current ones
 * @param uncommitted the stage files against the workspace
 * @param untracked files git does not track (only when asked for)
 * @param unchanged paths neither changed (only when asked for)
 * @param gitEmpty the git repository has no commit yet
 * @param gitDirty git sees changes dvc does not track
 */
public record DataStatus(
        List<String> notInCache,
        List<String> notInRemote,
        List<DataChange> committed,
        List<DataChange> uncommitted,
        List<String> untracked,
        List<String> unchanged,
        boolean gitEmpty,
        boolean gitDirty)
        implements Report {
    public DataStatus {
        notInCache = sorted(notInCache);
        notInRemote = sorted(notInRemote);
        committed = sortedChanges(committed);
        uncommitted = sortedChanges(uncommitted);
        untracked = sorted(untracked);
        unchanged = sorted(unchanged);
    }

    private static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(PyStrings.CODE_POINT_ORDER);
        return List.copyOf(s);
    }

    private static List<DataChange> sortedChanges(List<DataChange> l) {
        List<DataChange> s = new ArrayList<>(l);
        s.sort(Comparator.comparing(DataChange::path, PyStrings.CODE_POINT_ORDER));
        return List.copyOf(s);
    }

    /** True when no section has anything to show. */
    public boolean isEmpty() {
        return notInCache.isEmpty()
                && notInRemote.isEmpty()
                && committed.isEmpty()
                && uncommitted.isEmpty()
                && untracked.isEmpty()
                && unchanged.isEmpty();
    }
}
