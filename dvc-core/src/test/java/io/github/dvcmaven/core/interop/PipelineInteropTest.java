package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.DvcRenderer;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.ReproOptions;
import io.github.dvcmaven.core.api.ReproResult;
import io.github.dvcmaven.core.testing.Datasets;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.IndependentJson;
import io.github.dvcmaven.core.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same pipeline reproduced by dvc and by us: the dvc.lock files are byte-identical, the caches
 * match, and each tool reports the other's result as up to date.
 */
@Tag("interop")
class PipelineInteropTest {
    @TempDir
    Path tmp;

    DvcCli dvc;

    @BeforeEach
    void setUp() {
        ExternalTools.dvcVenv();
        dvc = new DvcCli(tmp.resolve("cfg"));
    }

    private Path project(String fixture, String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path source = fixture.equals("churn")
                ? ExternalTools.projectRoot().resolve("examples/churn")
                : ExternalTools.resource("pipelines/" + fixture);
        Datasets.copyTree(source, dir);
        DvcCli.git(dir, "init", "-q");
        dvc.ok(dir, "init", "-q");
        return dir;
    }

    private Repo open(Path dir) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(dvc.env());
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(env));
    }

    @ParameterizedTest
    @ValueSource(strings = {"churn", "basic", "templated", "formats", "layout"})
    void lockFilesAreByteIdenticalAndEachToolAcceptsTheOther(String fixture) throws IOException {
        Path theirs = project(fixture, "theirs");
        Path ours = project(fixture, "ours");
        dvc.ok(theirs, "repro");
        try (Repo repo = open(ours)) {
            ReproResult result = repo.repro(List.of(), ReproOptions.defaults());
            assertThat(result.ran()).isNotEmpty();
        }
        assertThat(TreeSnapshot.read(ours.resolve("dvc.lock")))
                .isEqualTo(TreeSnapshot.read(theirs.resolve("dvc.lock")));
        assertThat(TreeSnapshot.of(ours.resolve(".dvc/cache/files")))
                .isEqualTo(TreeSnapshot.of(theirs.resolve(".dvc/cache/files")));
        assertThat(TreeSnapshot.read(ours.resolve(".gitignore")))
                .isEqualTo(TreeSnapshot.read(theirs.resolve(".gitignore")));

        // each tool on the other's result: only always_changed stages may be reported
        String dvcOnOurs = dvc.ok(ours, "status", "--json").out();
        String dvcOnTheirs = dvc.ok(theirs, "status", "--json").out();
        assertThat(IndependentJson.parse(dvcOnOurs)).isEqualTo(IndependentJson.parse(dvcOnTheirs));
        try (Repo repo = open(theirs)) {
            assertThat(IndependentJson.parse(DvcRenderer.json(repo.status(List.of()))))
                    .isEqualTo(IndependentJson.parse(dvcOnTheirs));
            ReproResult again = repo.repro(List.of(), ReproOptions.defaults());
            assertThat(again.ran()).allMatch(s -> s.equals("tick"));
        }
    }
}
