package io.github.dvcmaven.core.internal.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.testing.Datasets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libcrypto's MD5 gives the JDK's answer for every size around its buffer boundaries. */
class NativeMd5Test {
    @TempDir
    Path tmp;

    @Test
    void agreesWithTheJdkAroundBufferBoundaries() throws Exception {
        if ("true".equals(System.getenv("CI"))) {
            assertThat(NativeMd5.available())
                    .as("libcrypto (OpenSSL) must be found on CI machines")
                    .isTrue();
        }
        Assumptions.assumeTrue(NativeMd5.available(), "no libcrypto here: FileHasher uses the JDK's MD5");
        long mib = 1 << 20;
        long buffer = NativeMd5.buffer().capacity();
        for (long size :
                new long[] {0, 1, 55, 64, buffer - 1, buffer, buffer + 1, mib - 1, mib, mib + 1, 3 * mib + 12345}) {
            Path f = tmp.resolve("f" + size);
            Datasets.writeRandom(f, size, size + 7);
            String jdk = FileHasher.md5Hex(Files.readAllBytes(f));
            try (FileChannel in = FileChannel.open(f)) {
                assertThat(NativeMd5.hash(in, n -> {})).as("size %d", size).isEqualTo(jdk);
            }
            assertThat(FileHasher.hash(f, HashInfo.MD5)).as("size %d", size).isEqualTo(jdk);
        }
    }

    @Test
    void readsIntoAPageAlignedBuffer() {
        // the kernel's copy into a buffer off a cache line made hashing 1.3 times slower (see NativeMd5)
        assertThat(NativeMd5.buffer().alignmentOffset(0, 4096)).isZero();
        assertThat(NativeMd5.buffer().isDirect()).isTrue();
    }
}
