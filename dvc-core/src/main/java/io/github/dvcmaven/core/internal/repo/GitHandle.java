package io.github.dvcmaven.core.internal.repo;

import io.github.dvcmaven.core.internal.DaemonThreads;
import io.github.dvcmaven.core.internal.scm.Git;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The git repository around a dvc repository, opened on first use (status never needs it) or ahead of
 * time on another thread, and closed with the repository. Thread-safe.
 */
final class GitHandle implements AutoCloseable {
    private final Path root;
    private final boolean noScm;
    private Optional<Git> git;
    /** Joined on close: no thread of this repository outlives the goal (or the plugin's class realm). */
    private Thread opener;

    GitHandle(Path root, boolean noScm) {
        this.root = root;
        this.noScm = noScm;
    }

    synchronized Optional<Git> get() {
        if (git == null) {
            git = noScm ? Optional.empty() : Git.find(root);
        }
        return git;
    }

    /** JGit's classes, config and index take a fifth of a second: opened while the workspace is read. */
    synchronized void openInBackground() {
        if (opener != null) {
            return;
        }
        opener = DaemonThreads.start("dvc-git-open", () -> {
            try {
                get().ifPresent(Git::readIndex);
            } catch (RuntimeException e) {
                // the operation's own call reports it
            }
        });
    }

    @Override
    public void close() {
        Thread running;
        Optional<Git> opened;
        synchronized (this) {
            running = opener;
        }
        if (running != null) {
            DaemonThreads.stop(running);
        }
        synchronized (this) {
            opened = git;
        }
        if (opened != null) {
            opened.ifPresent(Git::close);
        }
    }
}
