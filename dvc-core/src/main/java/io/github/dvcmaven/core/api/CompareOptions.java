package io.github.dvcmaven.core.api;

/**
 * {@code metrics diff} and {@code params diff}: the two revisions compared, and whether unchanged values
 * are listed too ({@code --all}).
 *
 * @param a the old revision (null: HEAD)
 * @param b the new revision (null: the workspace)
 * @param all list unchanged values as well
 */
public record CompareOptions(String a, String b, boolean all) {
    /** HEAD against the workspace. */
    public static CompareOptions headToWorkspace() {
        return new CompareOptions(null, null, false);
    }

    /** Revision {@code a} (null: HEAD) against {@code b} (null: the workspace), changed values only. */
    public static CompareOptions of(String a, String b) {
        return new CompareOptions(a, b, false);
    }

    /** List unchanged values as well ({@code --all}). */
    public CompareOptions withAll(boolean on) {
        return new CompareOptions(a, b, on);
    }
}
