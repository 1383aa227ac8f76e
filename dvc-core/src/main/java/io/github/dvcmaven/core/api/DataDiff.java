package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.py.PyStrings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code dvc diff}: the tracked files and directories added, deleted, modified and renamed between two
 * revisions (or a revision and the workspace), and those of the old revision the cache lacks.
 *
 * @param changes every change, sorted by kind and path
 * @param hideMissing true when the cache was not consulted (two revisions, or {@code --hide-missing}):
 *     no {@link DataChange.Kind#NOT_IN_CACHE} is reported
 */
public record DataDiff(List<DataChange> changes, boolean hideMissing) implements Report {
    public DataDiff {
        List<DataChange> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(DataChange::kind).thenComparing(DataChange::path, PyStrings.CODE_POINT_ORDER));
        changes = List.copyOf(sorted);
    }

    /** The changes of one kind, by path. */
    public List<DataChange> changes(DataChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    /** True when nothing changed. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
