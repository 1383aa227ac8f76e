package io.github.dvcmaven.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private static final List<Integer> HUNDRED = IntStream.range(0, 100).boxed().toList();

    @Test
    void aSlowItemDoesNotHoldBackTheItemsAfterIt() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            CountDownLatch others = new CountDownLatch(99);
            AtomicBoolean othersFinishedFirst = new AtomicBoolean();
            Parallel.forEach(pool, HUNDRED, i -> {
                if (i == 0) {
                    othersFinishedFirst.set(await(others));
                } else {
                    others.countDown();
                }
            });
            assertThat(othersFinishedFirst).isTrue();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void runsAsManyItemsAtOnceAsThePoolHasThreads() {
        ForkJoinPool pool = new ForkJoinPool(8);
        try {
            CyclicBarrier allEight = new CyclicBarrier(8);
            Parallel.forEach(pool, HUNDRED.subList(0, 8), i -> {
                try {
                    allEight.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new AssertionError("not all 8 items ran at once", e);
                }
            });
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void everyItemOnceAndTheFirstFailureAfterAllStop() {
        ForkJoinPool pool = new ForkJoinPool(3);
        try {
            ConcurrentHashMap<Integer, Integer> seen = new ConcurrentHashMap<>();
            Parallel.forEach(pool, HUNDRED, i -> seen.merge(i, 1, Integer::sum));
            assertThat(seen).hasSize(100).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));

            assertThatThrownBy(() -> Parallel.forEach(pool, HUNDRED, i -> {
                        if (i == 42) {
                            throw new IllegalStateException("item 42");
                        }
                    }))
                    .hasMessageContaining("item 42");
        } finally {
            pool.shutdown();
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
