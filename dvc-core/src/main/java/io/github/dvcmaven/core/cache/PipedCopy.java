package io.github.dvcmaven.core.cache;

import io.github.dvcmaven.core.hash.FileHasher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One read of a file feeding both its md5 and its copy: this thread reads and hashes chunks, a writer
 * thread writes the same chunks to the new object, buffers circulate between them.
 */
final class PipedCopy {
    private static final int CHUNK = 1 << 20;
    private static final int BUFFERS = 4;
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final Path source;
    private final Path target;

    PipedCopy(Path source, Path target) {
        this.source = source;
        this.target = target;
    }

    String run() throws IOException {
        BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(BUFFERS + 1);
        for (int i = 0; i < BUFFERS; i++) {
            free.add(ByteBuffer.allocate(CHUNK));
        }
        AtomicReference<IOException> writeError = new AtomicReference<>();
        MessageDigest md = FileHasher.newMd5();
        try (SeekableByteChannel out = ObjectStore.createProtected(target);
             InputStream in = Files.newInputStream(source)) {
            Thread writer = new Thread(() -> {
                try {
                    while (true) {
                        ByteBuffer b = full.take();
                        if (b == END) {
                            return;
                        }
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
                while (writeError.get() == null) {
                    ByteBuffer b = free.take();
                    int n = in.readNBytes(b.array(), 0, CHUNK);
                    if (n <= 0) {
                        free.put(b);
                        break;
                    }
                    md.update(b.array(), 0, n);
                    b.limit(n);
                    full.put(b);
                    if (n < CHUNK) {
                        break;
                    }
                }
                full.put(END);
                writer.join();
            } catch (InterruptedException e) {
                writer.interrupt();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while copying " + source);
            }
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
