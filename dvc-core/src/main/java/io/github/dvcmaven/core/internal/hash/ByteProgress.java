package io.github.dvcmaven.core.internal.hash;

import java.util.function.LongConsumer;

/**
 * Bytes read so far by a reader on another thread, forwarded to whoever watches: a read that started
 * before anyone watched (a hash ahead) hands over its count when the watcher arrives.
 */
final class ByteProgress implements LongConsumer {
    private long done;
    private LongConsumer watcher = n -> {};

    @Override
    public synchronized void accept(long n) {
        done += n;
        watcher.accept(n);
    }

    /** From now on bytes go to {@code w}, which first hears of those read already. */
    synchronized void watch(LongConsumer w) {
        watcher = w;
        w.accept(done);
    }
}
