package io.github.dvcmaven.core.event;

/**
 * How the core talks to its front end: messages and progress, never printing itself. Implementations
 * must be thread-safe; progress arrives from worker threads, at most a few times a second per task.
 */
public interface RepoListener {
    RepoListener SILENT = new RepoListener() {};

    enum Level { DEBUG, INFO, WARN }

    default void log(Level level, String message) {}

    /** {@code done} of {@code total} units (files or bytes, per {@link Progress#unit()}); total -1 if unknown. */
    default void progress(Progress progress) {}

    record Progress(String task, long done, long total, String unit, boolean finished) {}
}
