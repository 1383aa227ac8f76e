package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.ReproOptions;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repro that fails takes back the .gitignore lines it added, as dvc's scm context does. */
@Tag("interop")
class ReproFailureInteropTest {
    @TempDir
    Path tmp;

    private Path repo(DvcCli dvc, String name) throws IOException {
        Path dir = dvc.initRepo(tmp.resolve(name));
        Files.writeString(dir.resolve(".gitignore"), "*.log\n");
        Files.writeString(dir.resolve("dvc.yaml"), """
                        stages:
                          first:
                            cmd: echo one > one.txt
                            outs: [one.txt]
                          second:
                            cmd: exit 3
                            deps: [one.txt]
                            outs: [two.txt]
                        """);
        return dir;
    }

    @Test
    void aFailedReproLeavesTheGitignoresAsDvcLeavesThem() throws IOException {
        ExternalTools.dvcVenv();
        DvcCli dvc = new DvcCli(tmp.resolve("cfg"));
        Path theirs = repo(dvc, "theirs");
        Path ours = repo(dvc, "ours");
        assertThat(dvc.run(theirs, "repro").exitCode()).isNotZero();
        try (Repo repo = Repo.open(ours, RepoOptions.defaults().withCwd(ours).withEnv(dvc.env()))) {
            assertThatThrownBy(() -> repo.repro(List.of(), new ReproOptions(false, false, false, false, false)))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("second");
        }
        assertThat(Files.readString(ours.resolve(".gitignore")))
                .isEqualTo(Files.readString(theirs.resolve(".gitignore")))
                .isEqualTo("*.log\n");
        assertThat(Files.readString(ours.resolve("dvc.lock"))).isEqualTo(Files.readString(theirs.resolve("dvc.lock")));
    }
}
