package io.github.dvcmaven.core.api;

/**
 * {@code repro} flags: {@code force} runs every planned stage; {@code downstream} plans the targets and
 * what depends on them; {@code singleItem} only the targets; {@code dryRun} prints without running;
 * {@code noRunCache} never restores from the run-cache.
 */
public record ReproOptions(boolean force, boolean downstream, boolean singleItem, boolean dryRun, boolean noRunCache) {
    /** dvc repro's defaults: only changed stages, their upstream ones, with the run-cache. */
    public static ReproOptions defaults() {
        return new ReproOptions(false, false, false, false, false);
    }

    /** Run every planned stage, changed or not ({@code --force}). */
    public ReproOptions withForce(boolean on) {
        return new ReproOptions(on, downstream, singleItem, dryRun, noRunCache);
    }

    /** Plan the targets and the stages that depend on them ({@code --downstream}). */
    public ReproOptions withDownstream(boolean on) {
        return new ReproOptions(force, on, singleItem, dryRun, noRunCache);
    }

    /** Plan the targets only, not their upstream stages ({@code --single-item}). */
    public ReproOptions withSingleItem(boolean on) {
        return new ReproOptions(force, downstream, on, dryRun, noRunCache);
    }

    /** Say what would run without running it ({@code --dry}). */
    public ReproOptions withDryRun(boolean on) {
        return new ReproOptions(force, downstream, singleItem, on, noRunCache);
    }

    /** Never restore outputs from the run-cache ({@code --no-run-cache}). */
    public ReproOptions withNoRunCache(boolean on) {
        return new ReproOptions(force, downstream, singleItem, dryRun, on);
    }
}
