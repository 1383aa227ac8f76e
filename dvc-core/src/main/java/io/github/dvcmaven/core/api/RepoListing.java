package io.github.dvcmaven.core.api;

import java.util.List;
import java.util.Set;

/**
 * What {@code dvc ls} prints: the entries of a directory of a repository at a revision, and the columns
 * shown beside each path in text.
 *
 * @param entries the entries in dvc's order (by path)
 * @param columns the columns text output shows ({@code --size}, {@code --show-hash})
 */
public record RepoListing(List<TrackedFile> entries, Set<Column> columns) implements Report {
    /** A column of the text listing. */
    public enum Column {
        /** {@code --size}: the size, in dvc's human form. */
        SIZE,
        /** {@code --show-hash}: the dvc hash, {@code -} for git files. */
        HASH
    }

    public RepoListing {
        entries = List.copyOf(entries);
        columns = Set.copyOf(columns);
    }
}
