package io.github.dvcmaven.core.api;

/** What {@link Repo#verifyCache(CorruptObjects)} does with a cache object whose bytes do not match its name. */
public enum CorruptObjects {
    /** List it and leave it. */
    KEEP,
    /** List it and delete it, so the next fetch downloads it again. */
    REMOVE
}
