package io.github.dvcmaven.core.cache;

import io.github.dvcmaven.core.hash.FileHasher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One read of a stream (a big file, a download) feeding both its md5 and a new file: the calling
 * thread only reads, a second thread hashes and writes the same chunks, buffers circulating between
 * them, so reading overlaps hashing and writing.
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
    String run() throws IOException {
        BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(BUFFERS + 1);
        for (int i = 0; i < BUFFERS; i++) {
            free.add(ByteBuffer.allocate(CHUNK));
        }
        AtomicReference<IOException> writeError = new AtomicReference<>();
        MessageDigest md = FileHasher.newMd5();
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    ByteBuffer b = full.take();
                    if (b == END) {
                        return;
                    }
                    md.update(b.array(), 0, b.limit());
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                    b.clear();
                    free.put(b);
                }
            } catch (IOException e) {
                writeError.set(e);
                drain(full, free);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "dvc-copy-writer");
        writer.setDaemon(true);
        writer.start();
        try {
            try {
                while (writeError.get() == null) {
                    ByteBuffer b = free.take();
                    int n = in.readNBytes(b.array(), 0, CHUNK);
                    if (n <= 0) {
                        free.put(b);
                        break;
                    }
                    b.limit(n);
                    full.put(b);
                    if (n < CHUNK) {
                        break;
                    }
                }
            } finally {
                full.put(END);
                writer.join();
            }
        } catch (InterruptedException e) {
            writer.interrupt();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while copying " + sourceName);
        }
        if (writeError.get() != null) {
            throw writeError.get();
        }
        return FileHasher.hex(md);
    }

    /** After a write error: hand every buffer back so the reader can notice and stop. */
    private static void drain(BlockingQueue<ByteBuffer> full, BlockingQueue<ByteBuffer> free) {
        try {
            ByteBuffer b;
            while ((b = full.take()) != END) {
                b.clear();
                free.offer(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
