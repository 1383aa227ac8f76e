package io.github.dvcmaven.core.internal.hash;

import io.github.dvcmaven.core.internal.DaemonThreads;
import io.github.dvcmaven.core.internal.fs.FileStat;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.LongConsumer;

/**
 * A file's hash computed on a thread of its own before anyone asks for it, so the read of a big file
 * overlaps whatever comes first. It is the hash of the file as it was when the reading began:
 * {@link #startStat()}; whoever uses it checks the file still has that stat afterwards.
 */
public final class HashAhead {
    private final Path file;
    private final String algorithm;
    private final FileStat startStat;
    private final FutureTask<String> task;
    private final Thread thread;
    private final ByteProgress progress = new ByteProgress();

    private HashAhead(Path file, String algorithm, FileStat startStat) {
        this.file = file;
        this.algorithm = algorithm;
        this.startStat = startStat;
        this.task = new FutureTask<>(() -> FileHasher.hash(file, algorithm, progress));
        this.thread = DaemonThreads.start("dvc-hash-ahead", task);
    }

    /** Starts hashing {@code file}, a regular file. */
    public static HashAhead start(Path file, String algorithm) throws IOException {
        return new HashAhead(file, algorithm, FileStat.of(file));
    }

    public String algorithm() {
        return algorithm;
    }

    public FileStat startStat() {
        return startStat;
    }

    /** Reports the bytes hashed (those so far first) to {@code watcher}. */
    public void reportTo(LongConsumer watcher) {
        progress.watch(watcher);
    }

    /** Waits for the hash; a read error is thrown as it was. */
    public String await() throws IOException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing " + file);
        }
    }

    /** Stops the reading (an interrupted channel read ends it) and waits until the thread is gone. */
    public void cancel() {
        DaemonThreads.stop(thread);
    }
}
