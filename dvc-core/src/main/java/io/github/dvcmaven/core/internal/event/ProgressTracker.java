package io.github.dvcmaven.core.internal.event;

import io.github.dvcmaven.core.api.RepoListener;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts work from many threads and reports it to a listener, throttled to a few updates a second:
 * items (files) and, where the work moves data, bytes as they are read or sent, so a big file's
 * progress shows while it is under way.
 */
public final class ProgressTracker implements AutoCloseable {
    private static final long INTERVAL_NANOS = 200_000_000L;

    private final RepoListener listener;
    private final String task;
    private final String unit;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong bytesTotal = new AtomicLong(-1);
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime());

    public ProgressTracker(RepoListener listener, String task, long total, String unit) {
        this.listener = listener;
        this.task = task;
        this.unit = unit;
        this.total = new AtomicLong(total);
    }

    /** A task measured in bytes only, such as reading one big file. */
    public static ProgressTracker ofBytes(RepoListener listener, String task, long totalBytes) {
        ProgressTracker t = new ProgressTracker(listener, task, -1, RepoListener.Progress.BYTES);
        t.bytesTotal.set(totalBytes);
        return t;
    }

    public void addTotal(long n) {
        total.addAndGet(n);
    }

    /** Declares how many bytes the task will move (unknown until this is called). */
    public void addTotalBytes(long n) {
        bytesTotal.accumulateAndGet(n, (a, b) -> Math.max(a, 0) + b);
    }

    public void advance(long n) {
        done.addAndGet(n);
        maybeReport();
    }

    /** Bytes read or sent so far within the items under way. */
    public void advanceBytes(long n) {
        bytes.addAndGet(n);
        maybeReport();
    }

    private void maybeReport() {
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last >= INTERVAL_NANOS && lastReport.compareAndSet(last, now)) {
            listener.progress(snapshot(false));
        }
    }

    private RepoListener.Progress snapshot(boolean finished) {
        return new RepoListener.Progress(task, done.get(), total.get(), unit, finished, bytes.get(), bytesTotal.get());
    }

    public long done() {
        return done.get();
    }

    @Override
    public void close() {
        listener.progress(snapshot(true));
    }
}
