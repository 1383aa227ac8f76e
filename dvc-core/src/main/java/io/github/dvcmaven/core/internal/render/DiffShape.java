package io.github.dvcmaven.core.internal.render;

import io.github.dvcmaven.core.api.DataChange;
import io.github.dvcmaven.core.api.DataDiff;
import java.util.List;

/** How dvc's diff shows a change in text and Markdown: its order of kinds, the path, the short hashes. */
final class DiffShape {
    /** dvc's order of the text and Markdown groups. */
    private static final List<DataChange.Kind> SHOWN = List.of(
            DataChange.Kind.ADDED,
            DataChange.Kind.DELETED,
            DataChange.Kind.RENAMED,
            DataChange.Kind.MODIFIED,
            DataChange.Kind.NOT_IN_CACHE);

    /** Every state of the JSON, in its order. */
    static final List<DataChange.Kind> JSON = List.of(
            DataChange.Kind.ADDED,
            DataChange.Kind.DELETED,
            DataChange.Kind.MODIFIED,
            DataChange.Kind.RENAMED,
            DataChange.Kind.NOT_IN_CACHE);

    private DiffShape() {}

    static List<DataChange.Kind> kinds(DataDiff diff) {
        return diff.hideMissing() ? SHOWN.subList(0, SHOWN.size() - 1) : SHOWN;
    }

    static String shown(DataChange c) {
        return c.kind() == DataChange.Kind.RENAMED ? c.path() + " -> " + c.newPath() : c.path();
    }

    static String digest(DataChange c) {
        return c.kind() == DataChange.Kind.MODIFIED ? prefix(c.hash()) + ".." + prefix(c.newHash()) : prefix(c.hash());
    }

    private static String prefix(String hash) {
        return hash == null ? "" : hash.substring(0, Math.min(8, hash.length()));
    }
}
