package io.github.dvcmaven.core.internal.cache;

import io.github.dvcmaven.core.api.DvcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How a cached object appears in the workspace ({@code cache.type}, tried in the configured order). */
public enum LinkType {
    REFLINK,
    HARDLINK,
    SYMLINK,
    COPY;

    public static final List<LinkType> DEFAULT = List.of(REFLINK, COPY);

    public static List<LinkType> parse(List<String> names) {
        if (names.isEmpty()) {
            return DEFAULT;
        }
        List<LinkType> types = new ArrayList<>();
        for (String n : names) {
            try {
                types.add(valueOf(n.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new DvcException(
                        "unknown cache type '" + n + "' in cache.type",
                        "use a comma-separated list of reflink, hardlink, symlink, copy",
                        e);
            }
        }
        return List.copyOf(types);
    }

    /** Whether the workspace file shares the cache object's inode or path (and so must stay read-only). */
    public boolean isLink() {
        return this == HARDLINK || this == SYMLINK;
    }
}
