package io.github.dvcmaven.core.api;

/**
 * How the core talks to its front end: messages and progress, never printing itself. Implementations
 * must be thread-safe; progress arrives from worker threads, at most a few times a second per task.
 */
public interface RepoListener {
    /** A listener that drops everything. */
    RepoListener SILENT = new RepoListener() {};

    /** How important a message is. */
    enum Level {
        /** Details for {@code -X} / verbose output. */
        DEBUG,
        /** What dvc prints by default. */
        INFO,
        /** Something the user should act on. */
        WARN
    }

    /** A message, in dvc's words where dvc has them. */
    default void log(Level level, String message) {}

    /** A task's progress; called from worker threads. */
    default void progress(Progress progress) {}

    /**
     * {@code done} of {@code total} units (files; total -1 if unknown), and {@code bytes} of
     * {@code bytesTotal} moved (-1: not counted, or total unknown). A task in bytes only has the unit
     * {@link #BYTES} and its counts in the byte fields.
     */
    record Progress(String task, long done, long total, String unit, boolean finished, long bytes, long bytesTotal) {
        /** The unit of a task counted in bytes only. */
        public static final String BYTES = "bytes";

        /** Progress without byte counts. */
        public Progress(String task, long done, long total, String unit, boolean finished) {
            this(task, done, total, unit, finished, -1, -1);
        }

        /** True when the task counts bytes only. */
        public boolean bytesOnly() {
            return BYTES.equals(unit);
        }
    }
}
