package io.github.dvcmaven.core.api;

/**
 * {@code dvc ls}: which directory (or file), how deep, and whether only what dvc tracks.
 *
 * @param path the path inside the repository; "" for its top
 * @param recursive every file below it ({@code -R}) instead of its children
 * @param dvcOnly only what dvc tracks ({@code --dvc-only})
 */
public record ListOptions(String path, boolean recursive, boolean dvcOnly) {
    public ListOptions {
        path = path == null ? "" : path;
    }

    /** The children of {@code path}, git's and dvc's. */
    public static ListOptions of(String path) {
        return new ListOptions(path, false, false);
    }

    /** Every file below the path ({@code -R}). */
    public ListOptions withRecursive(boolean on) {
        return new ListOptions(path, on, dvcOnly);
    }

    /** Only what dvc tracks ({@code --dvc-only}). */
    public ListOptions withDvcOnly(boolean on) {
        return new ListOptions(path, recursive, on);
    }
}
