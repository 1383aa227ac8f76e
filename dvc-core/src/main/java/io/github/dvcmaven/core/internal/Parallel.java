package io.github.dvcmaven.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs work over a list on all of a pool's threads, each taking the next item as soon as it is free.
 * Not a parallel stream: that cuts a list into four parts per thread, each run whole by the thread that
 * takes it. An add of 100,000 files on two cores made parts of 12,500 files, and a slower part at the
 * end left one core idle while the other finished it.
 */
public final class Parallel {
    private Parallel() {}

    /** Calls {@code work} for every item, on up to the pool's parallelism threads; returns when all are done. */
    public static <T> void forEach(ForkJoinPool pool, List<T> items, Consumer<? super T> work) {
        int workers = Math.min(pool.getParallelism(), items.size());
        if (workers <= 1) {
            items.forEach(work);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                work.accept(items.get(i));
            }
        };
        List<ForkJoinTask<?>> tasks = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            tasks.add(pool.submit(worker));
        }
        RuntimeException failure = null;
        for (ForkJoinTask<?> t : tasks) {
            try {
                t.join();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
