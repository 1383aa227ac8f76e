package io.github.dvcmaven.core.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.internal.config.DvcConfig;
import io.github.dvcmaven.core.internal.fs.DvcIgnore;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stage files are found at every depth, whether their directory has subdirectories or not. */
class StageIndexTest {
    @TempDir
    Path root;

    private void pointer(String rel, String out) throws IOException {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(
                f, "outs:\n- md5: d41d8cd98f00b204e9800998ecf8427e\n  size: 0\n  hash: md5\n  path: " + out + "\n");
    }

    @Test
    void findsPointersAndPipelinesInLeafAndBranchDirectories() throws IOException {
        pointer("top.dvc", "top");
        pointer("a/b/c/leaf.dvc", "leaf"); // c has no subdirectory
        pointer("a/branch.dvc", "branch"); // a has one
        Files.createDirectories(root.resolve("a/dir-named.dvc")); // a directory is not a pointer
        Files.createDirectories(root.resolve("p/q"));
        Files.writeString(root.resolve("p/q/dvc.yaml"), "stages:\n  s:\n    cmd: echo\n");
        for (int i = 0; i < 50; i++) {
            Files.writeString(root.resolve("a/b/c/data-" + i + ".csv"), "x");
        }
        StageIndex index = StageIndex.load(root, new DvcIgnore(root), DvcConfig.empty());
        assertThat(index.dvcFiles())
                .extracting(DvcFileStage::file)
                .containsExactlyInAnyOrder("top.dvc", "a/b/c/leaf.dvc", "a/branch.dvc");
        assertThat(index.pipelines()).hasSize(1);
    }
}
