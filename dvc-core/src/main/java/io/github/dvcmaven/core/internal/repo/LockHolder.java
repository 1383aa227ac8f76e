package io.github.dvcmaven.core.internal.repo;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Holds the repository lock for an operation's duration, and lets it go around a stage command so the
 * command may itself run dvc or dvc-maven on this repository, as dvc does.
 */
final class LockHolder {
    private final Path dvcDir;
    private final boolean wait;
    private final Runnable beforeRelease;
    private RepoLock held;

    LockHolder(Path dvcDir, boolean wait, Runnable beforeRelease) {
        this.dvcDir = dvcDir;
        this.wait = wait;
        this.beforeRelease = beforeRelease;
    }

    synchronized <T> T holding(Supplier<T> work) {
        held = RepoLock.acquire(dvcDir, wait);
        try {
            return work.get();
        } finally {
            beforeRelease.run();
            held.close();
            held = null;
        }
    }

    synchronized void releasedFor(Runnable work) {
        if (held == null) {
            work.run();
            return;
        }
        beforeRelease.run();
        held.close();
        try {
            work.run();
        } finally {
            held = RepoLock.acquire(dvcDir, wait);
        }
    }
}
