package io.github.dvcmaven.core.internal.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DvcIgnoreTest {
    @Test
    void nestedFilesNegationAndBuiltIns(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve(".dvcignore"), "*.tmp\nlogs/\n");
        Files.createDirectories(root.resolve("data/sub/.dvc"));
        Files.writeString(root.resolve("data/.dvcignore"), "!keep.tmp\n/local-only\n");
        DvcIgnore ignore = new DvcIgnore(root);
        assertThat(ignore.isIgnored("x.tmp", false)).isTrue();
        assertThat(ignore.isIgnored("data/y.tmp", false)).isTrue();
        assertThat(ignore.isIgnored("data/keep.tmp", false)).isFalse();
        assertThat(ignore.isIgnored("logs/a.txt", false)).isTrue();
        assertThat(ignore.isIgnored("data/local-only", false)).isTrue();
        assertThat(ignore.isIgnored("local-only", false)).isFalse();
        assertThat(ignore.isIgnored(".git/config", false)).isTrue();
        assertThat(ignore.isIgnored("data/sub/file", false))
                .as("nested dvc repo")
                .isTrue();
        assertThat(ignore.isIgnored("data/file.csv", false)).isFalse();
    }
}
