package io.github.dvcmaven.core.internal.scm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitIgnoreFileTest {
    @Test
    void appendsEscapedEntryAddingAMissingNewlineFirst(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".gitignore"), "*.log");
        GitIgnoreFile.add(dir.resolve("data[1]!#?*"));
        assertThat(Files.readString(dir.resolve(".gitignore"))).isEqualTo("*.log\n/data\\[1\\]\\!\\#\\?\\*\n");
        assertThat(GitIgnoreFile.add(dir.resolve("data[1]!#?*"))).isNull();
    }

    @Test
    void removesEntryAndDeletesAnEmptiedFile(@TempDir Path dir) throws IOException {
        GitIgnoreFile.add(dir.resolve("a"));
        GitIgnoreFile.add(dir.resolve("b"));
        GitIgnoreFile.remove(dir.resolve("a"));
        assertThat(Files.readString(dir.resolve(".gitignore"))).isEqualTo("/b\n");
        GitIgnoreFile.remove(dir.resolve("b"));
        assertThat(dir.resolve(".gitignore")).doesNotExist();
    }
}
