package io.github.dvcmaven.core.internal.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeafDirectoriesTest {
    @TempDir
    Path tmp;

    @Test
    void onlyADirectoryWithoutSubdirectoriesIsALeaf() throws IOException {
        Path leaf = Files.createDirectories(tmp.resolve("a/leaf"));
        Files.writeString(leaf.resolve("x.dvc"), "");
        Files.createSymbolicLink(leaf.resolve("link-to-dir"), tmp.resolve("a"));
        LeafDirectories leaves = LeafDirectories.of(tmp);
        assertThat(leaves.isLeaf(tmp.resolve("a"))).isFalse();
        assertThat(leaves.isLeaf(tmp)).isFalse();
        String fs = Files.getFileStore(tmp).type();
        // the build machines' temp dirs are ext4 or tmpfs; elsewhere the answer must be the safe "no"
        assertThat(leaves.isLeaf(leaf))
                .isEqualTo(Set.of("ext2", "ext3", "ext4", "xfs", "tmpfs").contains(fs));
        Files.createDirectory(leaf.resolve("sub"));
        assertThat(leaves.isLeaf(leaf)).isFalse();
    }
}
