package io.github.dvcmaven.core.internal.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBytesTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheStatedSizeAndNoMore() throws IOException {
        Path f = tmp.resolve("f");
        byte[] content = new byte[300_000];
        new Random(1).nextBytes(content);
        Files.write(f, content);
        assertThat(FileBytes.read(f, content.length)).isEqualTo(content);
        // grown since its stat: the stated size is read; the caller's second stat sees the growth
        assertThat(FileBytes.read(f, 10)).isEqualTo(Arrays.copyOf(content, 10));
        assertThat(FileBytes.read(tmp.resolve("f"), 0)).isEmpty();
    }

    @Test
    void aFileThatShrankGivesWhatIsLeft() throws IOException {
        Path f = Files.writeString(tmp.resolve("f"), "abc");
        assertThat(FileBytes.read(f, 1024)).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
    }
}
