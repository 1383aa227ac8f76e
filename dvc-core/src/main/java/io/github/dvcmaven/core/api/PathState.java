package io.github.dvcmaven.core.api;

/**
 * How a dependency, an output or a params key differs from what the stage's {@code dvc.lock} entry or
 * {@code .dvc} file records. {@link #text()} (and {@code toString()}) is dvc's word for it, as
 * {@code dvc status} prints it.
 */
public enum PathState {
    /** The content differs from what is recorded. */
    MODIFIED("modified"),
    /** The path is recorded but gone. */
    DELETED("deleted"),
    /** The path exists but nothing records it. */
    NEW("new"),
    /** The path is absent and the cache lacks its recorded object. */
    NOT_IN_CACHE("not in cache"),
    /** The gate's stricter check: nothing recorded for it in {@code dvc.lock}. */
    NOT_IN_LOCK(StageChange.NOT_IN_LOCK),
    /** The gate's stricter check: {@code dvc.lock} records it, {@code dvc.yaml} no longer declares it. */
    NOT_IN_DVC_YAML(StageChange.NOT_IN_DVC_YAML);

    private final String text;

    PathState(String text) {
        this.text = text;
    }

    /** dvc's words for this state. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
