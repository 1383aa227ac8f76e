package io.github.dvcmaven.core.internal.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * File copies done by the kernel ({@code FileChannel.transferTo}: sendfile/copy_file_range, no
 * user-space buffers). On JDK 17 {@code Files.copy} moves the bytes through small Java buffers and
 * copies a big file about half as fast.
 */
public final class FileCopy {
    private FileCopy() {}

    /** Copies {@code source} into a new file {@code target} (which must not exist). */
    public static void copy(Path source, Path target) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            copy(source, out);
        }
    }

    /** Copies all of {@code source} into {@code out} from its current position on. */
    public static void copy(Path source, FileChannel out) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            long size = in.size();
            for (long done = 0; done < size; ) {
                long n = in.transferTo(done, size - done, out);
                if (n <= 0) {
                    break;
                }
                done += n;
            }
        }
    }
}
