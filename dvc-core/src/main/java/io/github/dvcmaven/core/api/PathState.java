package io.github.dvcmaven.core.api;

/**
 * How a dependency, an output or a params key differs from what the stage's {@code dvc.lock} entry or
 * {@code .dvc} file records. {@link #text()} (and {@code toString()}) is dvc's word for it, as
 * {@code dvc status} prints it.
 */
public enum PathState {
    MODIFIED("modified"),
    DELETED("deleted"),
    NEW("new"),
    NOT_IN_CACHE("not in cache"),
    /** The gate's stricter check: nothing recorded for it in {@code dvc.lock}. */
    NOT_IN_LOCK(StageChange.NOT_IN_LOCK),
    /** The gate's stricter check: {@code dvc.lock} records it, {@code dvc.yaml} no longer declares it. */
    NOT_IN_DVC_YAML(StageChange.NOT_IN_DVC_YAML);

    private final String text;

    PathState(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
