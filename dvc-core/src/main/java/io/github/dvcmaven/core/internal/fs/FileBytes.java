package io.github.dvcmaven.core.internal.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Whole small files read in three system calls (open, read, close) when their size is already known from
 * a stat: {@code Files.readAllBytes} adds an fstat and a read to see the end, which on an add of 100,000
 * files is 200,000 calls more.
 */
public final class FileBytes {
    private FileBytes() {}

    /**
     * Reads up to {@code size} bytes from the start of {@code file}. Fewer come back if it shrank since it
     * was stat'ed; bytes added since are not read: callers stat the file again afterwards to see either.
     */
    public static byte[] read(Path file, int size) throws IOException {
        byte[] bytes = new byte[size];
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buf.hasRemaining()) {
                if (in.read(buf) < 0) {
                    return Arrays.copyOf(bytes, buf.position());
                }
            }
        }
        return bytes;
    }
}
