package io.github.dvcmaven.core.event;

import java.util.concurrent.atomic.AtomicLong;

/** Counts work from many threads and reports it to a listener, throttled to a few updates a second. */
public final class ProgressTracker implements AutoCloseable {
    private static final long INTERVAL_NANOS = 200_000_000L;

    private final RepoListener listener;
    private final String task;
    private final String unit;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total;
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime());

    public ProgressTracker(RepoListener listener, String task, long total, String unit) {
        this.listener = listener;
        this.task = task;
        this.unit = unit;
        this.total = new AtomicLong(total);
    }

    public void addTotal(long n) {
        total.addAndGet(n);
    }

    public void advance(long n) {
        long d = done.addAndGet(n);
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last >= INTERVAL_NANOS && lastReport.compareAndSet(last, now)) {
            listener.progress(new RepoListener.Progress(task, d, total.get(), unit, false));
        }
    }

    public long done() {
        return done.get();
    }

    @Override
    public void close() {
        listener.progress(new RepoListener.Progress(task, done.get(), total.get(), unit, true));
    }
}
