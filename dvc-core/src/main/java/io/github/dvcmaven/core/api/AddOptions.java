package io.github.dvcmaven.core.api;

/** Options of {@code add}: {@code glob} expands wildcards in targets; {@code noCommit} only writes pointers. */
public record AddOptions(boolean glob, boolean noCommit) {
    public static AddOptions defaults() {
        return new AddOptions(false, false);
    }
}
