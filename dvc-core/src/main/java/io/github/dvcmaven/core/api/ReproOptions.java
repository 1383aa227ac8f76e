package io.github.dvcmaven.core.api;

/**
 * {@code repro} flags: {@code force} runs every planned stage; {@code downstream} plans the targets and
 * what depends on them; {@code singleItem} only the targets; {@code dryRun} prints without running;
 * {@code noRunCache} never restores from the run-cache.
 */
public record ReproOptions(boolean force, boolean downstream, boolean singleItem, boolean dryRun, boolean noRunCache) {
    public static ReproOptions defaults() {
        return new ReproOptions(false, false, false, false, false);
    }
}
