package io.github.dvcmaven.core.api;

/** Options of {@code add}: {@code glob} expands wildcards in targets; {@code noCommit} only writes pointers. */
public record AddOptions(boolean glob, boolean noCommit) {
    /** dvc add's defaults: targets taken literally, objects committed to the cache. */
    public static AddOptions defaults() {
        return new AddOptions(false, false);
    }

    /** Expand wildcards in the targets ({@code --glob}). */
    public AddOptions withGlob(boolean on) {
        return new AddOptions(on, noCommit);
    }

    /** Write the pointers without committing the data to the cache ({@code --no-commit}). */
    public AddOptions withNoCommit(boolean on) {
        return new AddOptions(glob, on);
    }
}
