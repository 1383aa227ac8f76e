package io.github.dvcmaven.core.api;

/**
 * How the core talks to its front end: messages and progress, never printing itself. Implementations
 * must be thread-safe; progress arrives from worker threads, at most a few times a second per task.
 */
public interface RepoListener {
    RepoListener SILENT = new RepoListener() {};

    enum Level {
        DEBUG,
        INFO,
        WARN
    }

    default void log(Level level, String message) {}

    default void progress(Progress progress) {}

    /**
     * {@code done} of {@code total} units (files; total -1 if unknown), and {@code bytes} of
     * {@code bytesTotal} moved (-1: not counted, or total unknown). A task in bytes only has the unit
     * {@link #BYTES} and its counts in the byte fields.
     */
    record Progress(String task, long done, long total, String unit, boolean finished, long bytes, long bytesTotal) {
        public static final String BYTES = "bytes";

        public Progress(String task, long done, long total, String unit, boolean finished) {
            this(task, done, total, unit, finished, -1, -1);
        }

        public boolean bytesOnly() {
            return BYTES.equals(unit);
        }
    }
}
