package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.RemoveOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dvc:remove} of pipeline stages leaves dvc.yaml, dvc.lock, .gitignore and the workspace as dvc remove does. */
@Tag("interop")
class RemoveStageInteropTest {
    static final String PIPELINE = """
            # pipeline
            stages:
              s:
                cmd: echo x > out
                deps: [f]
                outs: [out]
              # the t stage
              t:
                cmd: echo t > t.txt   # inline
                outs:
                - t.txt

              u:
                cmd: echo u > u.txt
                outs:
                - u.txt
            # plots of the pipeline
            plots:
            - t.txt
            """;

    @TempDir
    Path tmp;

    DvcCli dvc;

    @BeforeEach
    void setUp() {
        ExternalTools.dvcVenv();
        dvc = new DvcCli(tmp.resolve("cfg"));
    }

    private Path repo(String name) throws IOException {
        Path dir = dvc.initRepo(tmp.resolve(name));
        Files.writeString(dir.resolve("f"), "f\n");
        Files.writeString(dir.resolve("dvc.yaml"), PIPELINE);
        dvc.ok(dir, "repro", "-q");
        return dir;
    }

    private void assertSame(Path ours, Path theirs) throws IOException {
        for (String f : List.of("dvc.yaml", "dvc.lock", ".gitignore")) {
            assertThat(Files.exists(ours.resolve(f))).as(f).isEqualTo(Files.exists(theirs.resolve(f)));
            if (Files.exists(theirs.resolve(f))) {
                assertThat(Files.readString(ours.resolve(f))).as(f).isEqualTo(Files.readString(theirs.resolve(f)));
            }
        }
        for (String f : List.of("out", "t.txt", "u.txt")) {
            assertThat(Files.exists(ours.resolve(f))).as(f).isEqualTo(Files.exists(theirs.resolve(f)));
        }
    }

    private Repo open(Path dir) {
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(dvc.env()));
    }

    @Test
    void removingStagesKeepsEveryOtherLineAndDropsTheFilesWithTheLastStage() throws IOException {
        Path theirs = repo("theirs");
        Path ours = repo("ours");
        dvc.ok(theirs, "remove", "t");
        try (Repo repo = open(ours)) {
            repo.remove(RemoveOptions.of(List.of("t")));
        }
        assertSame(ours, theirs);

        dvc.ok(theirs, "remove", "u", "--outs");
        try (Repo repo = open(ours)) {
            repo.remove(RemoveOptions.of(List.of("u")).withOutputs(true));
        }
        assertSame(ours, theirs);

        dvc.ok(theirs, "remove", "dvc.yaml:s", "--outs");
        try (Repo repo = open(ours)) {
            repo.remove(RemoveOptions.of(List.of("dvc.yaml:s")).withOutputs(true));
        }
        assertSame(ours, theirs);
        assertThat(ours.resolve("dvc.yaml")).doesNotExist();
    }
}
