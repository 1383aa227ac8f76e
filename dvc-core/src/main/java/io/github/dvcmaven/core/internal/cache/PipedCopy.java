package io.github.dvcmaven.core.internal.cache;

import io.github.dvcmaven.core.internal.DaemonThreads;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One read of a stream (a big file, a download) feeding both its md5 and a new file: the calling
 * thread reads and writes each chunk, a second thread hashes it, buffers circulating between them, so
 * the I/O of one core overlaps the hashing of the other.
 */
final class PipedCopy {
    static final int CHUNK = 1 << 20;
    private static final int BUFFERS = 4;
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final InputStream in;
    private final String sourceName;
    private final SeekableByteChannel out;

    /** Copies {@code in} (not closed here) into {@code out} (not closed here). */
    PipedCopy(InputStream in, String sourceName, SeekableByteChannel out) {
        this.in = in;
        this.sourceName = sourceName;
        this.out = out;
    }

    /** Returns the md5 of everything copied. */
    // END is compared by identity on purpose (a sentinel), and every buffer is a heap one from allocate()
    @SuppressWarnings({"ReferenceEquality", "ByteBufferBackingArray"})
    String run() throws IOException {
        BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(BUFFERS + 1);
        for (int i = 0; i < BUFFERS; i++) {
            free.add(ByteBuffer.allocate(CHUNK));
        }
        MessageDigest md = FileHasher.newMd5();
        Thread hasher = DaemonThreads.start("dvc-copy-hasher", () -> {
            try {
                while (true) {
                    ByteBuffer b = full.take();
                    if (b == END) {
                        return;
                    }
                    md.update(b.array(), 0, b.limit());
                    b.clear();
                    free.put(b);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            try {
                while (true) {
                    ByteBuffer b = free.take();
                    int n = in.readNBytes(b.array(), 0, CHUNK);
                    if (n <= 0) {
                        break;
                    }
                    b.limit(n);
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                    full.put(b);
                    if (n < CHUNK) {
                        break;
                    }
                }
            } finally {
                full.put(END);
                hasher.join();
            }
        } catch (InterruptedException e) {
            hasher.interrupt();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while copying " + sourceName);
        }
        return FileHasher.hex(md);
    }
}
