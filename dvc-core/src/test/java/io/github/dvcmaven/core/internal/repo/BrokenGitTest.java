package io.github.dvcmaven.core.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.internal.fs.FileTrees;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.LiveThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A .git that cannot be opened is an error naming it, not "no git"; no thread outlives the repository. */
class BrokenGitTest {
    @TempDir
    Path tmp;

    @Test
    void aBrokenGitDirectoryFailsTheGoalNamingItAndTheWayOut() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        DvcCli.git(ws, "init", "-q");
        Repo.init(ws);
        Files.writeString(ws.resolve("data.txt"), "data");
        FileTrees.deleteRecursively(ws.resolve(".git"));
        Files.writeString(ws.resolve(".git"), "gitdir: " + tmp.resolve("moved-away") + "\n");
        try (Repo repo = Repo.open(ws, RepoOptions.defaults().withCwd(ws).withEnv(Map.of()))) {
            assertThatThrownBy(() -> repo.add(List.of("data.txt"), AddOptions.defaults()))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("cannot be opened")
                    .hasMessageContaining("moved-away")
                    .satisfies(e -> assertThat(((DvcException) e).hint()).contains("core.no_scm"));
        }
        assertThat(ws.resolve("data.txt.dvc")).doesNotExist();
        assertThat(LiveThreads.anyNamed("dvc-git-open")).isFalse();
    }
}
