package io.github.dvcmaven.core.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.CommitOptions;
import io.github.dvcmaven.core.api.InitOptions;
import io.github.dvcmaven.core.api.PathState;
import io.github.dvcmaven.core.api.RemoveOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.ReproOptions;
import io.github.dvcmaven.core.api.StageChange;
import io.github.dvcmaven.core.api.StageChange.ParamsChange;
import io.github.dvcmaven.core.api.StageChange.PathChange;
import io.github.dvcmaven.core.api.StageChange.StageFlag;
import io.github.dvcmaven.core.api.StatusOptions;
import io.github.dvcmaven.core.api.StatusReport;
import io.github.dvcmaven.core.internal.format.FormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI gate on a checkout without its data: what a fresh clone proves from dvc.lock and the .dvc
 * files alone, what it still hashes, and what it reports as stale.
 */
class DataFreeStatusTest {
    @TempDir
    Path dir;

    private static final String PIPELINE = """
            stages:
              prep:
                cmd: mkdir -p out && cp raw/in.txt out/data.txt
                deps:
                - raw/in.txt
                outs:
                - out/data.txt
              train:
                cmd: cat out/data.txt params.yaml code.py > model.txt
                deps:
                - out/data.txt
                - code.py
                params:
                - lr
                outs:
                - model.txt
            """;

    @BeforeEach
    void setUp() throws IOException {
        Repo.init(dir, InitOptions.defaults().withNoScm(true));
        Files.createDirectories(dir.resolve("raw"));
        Files.writeString(dir.resolve("raw/in.txt"), "hello\n");
        Files.writeString(dir.resolve("params.yaml"), "lr: 1\n");
        Files.writeString(dir.resolve("code.py"), "print(1)\n");
        Files.writeString(dir.resolve("dvc.yaml"), PIPELINE);
        try (Repo repo = open()) {
            repo.add(List.of("raw"), AddOptions.defaults());
            repo.repro(List.of(), ReproOptions.defaults());
        }
    }

    private Repo open() {
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir));
    }

    private StatusReport gate() {
        try (Repo repo = open()) {
            return repo.status(new StatusOptions(List.of(), true));
        }
    }

    /** What a fresh clone has: what git tracks, no outputs, no cache. */
    private void freshClone() throws IOException {
        for (String p : List.of("raw", "out/data.txt", "model.txt", ".dvc/cache")) {
            deleteTree(dir.resolve(p));
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                f.toFile().setWritable(true);
                Files.delete(f);
            }
        }
    }

    private static Map<String, List<StageChange>> changes(StatusReport r) {
        Map<String, List<StageChange>> m = new LinkedHashMap<>();
        r.stageStatuses().forEach(s -> m.put(s.addressing(), s.changes()));
        return m;
    }

    @Test
    void aFreshCloneOfAConsistentRepoPassesWithoutItsData() throws IOException {
        freshClone();
        StatusReport r = gate();
        assertThat(r.isClean()).isTrue();
        assertThat(r.missing().outputs()).isEqualTo(3); // raw/, out/data.txt, model.txt
        assertThat(r.missing().depsProvenByLock())
                .as("out/data.txt through prep's lock entry")
                .isEqualTo(1);
        assertThat(r.missing().depsUnchecked())
                .as("raw/in.txt: raw's manifest is not in the cache")
                .containsExactly("raw/in.txt");
        try (Repo repo = open()) {
            assertThat(repo.status(List.of()).isClean())
                    .as("dvc status's own rules still see the missing data")
                    .isFalse();
        }
    }

    @Test
    void aDependencyInsideATrackedDirectoryIsProvenByTheManifestWhenTheCacheHasIt() throws IOException {
        for (String p : List.of("raw", "out/data.txt", "model.txt")) {
            deleteTree(dir.resolve(p));
        }
        StatusReport r = gate();
        assertThat(r.isClean()).isTrue();
        assertThat(r.missing().depsProvenByLock()).isEqualTo(2);
        assertThat(r.missing().depsUnchecked()).isEmpty();
    }

    @Test
    void aChangedParamIsStaleWithoutAnyData() throws IOException {
        freshClone();
        Files.writeString(dir.resolve("params.yaml"), "lr: 2\n");
        assertThat(changes(gate()))
                .containsOnlyKeys("train")
                .containsEntry(
                        "train", List.of(new ParamsChange("params.yaml", null, Map.of("lr", PathState.MODIFIED))));
    }

    @Test
    void aChangedCodeDependencyIsHashedAndStale() throws IOException {
        freshClone();
        Files.writeString(dir.resolve("code.py"), "print(2)\n");
        assertThat(changes(gate()))
                .containsEntry(
                        "train", List.of(new PathChange(StageChange.Section.DEPS, "code.py", PathState.MODIFIED)));
    }

    @Test
    void anAbsentDependencyWhoseProducerRecordsAnotherHashIsModified() throws IOException {
        freshClone();
        String lock = Files.readString(dir.resolve("dvc.lock"));
        // prep's lock entry now says its output has other content than the one train was built from
        int prepOut = lock.indexOf("outs:");
        String patched = lock.substring(0, prepOut)
                + lock.substring(prepOut).replaceFirst("md5: [0-9a-f]{32}", "md5: ffffffffffffffffffffffffffffffff");
        Files.writeString(dir.resolve("dvc.lock"), patched);
        assertThat(changes(gate()))
                .containsOnlyKeys("train")
                .containsEntry(
                        "train", List.of(new PathChange(StageChange.Section.DEPS, "out/data.txt", PathState.MODIFIED)));
    }

    @Test
    void presentDataIsStillCheckedByteForByte() throws IOException {
        deleteTree(dir.resolve(".dvc/cache"));
        Files.writeString(dir.resolve("model.txt"), "tampered\n");
        assertThat(changes(gate()))
                .containsOnlyKeys("train")
                .containsEntry(
                        "train", List.of(new PathChange(StageChange.Section.OUTS, "model.txt", PathState.MODIFIED)));
    }

    @Test
    void aStageMissingFromTheLockIsStaleEvenWithoutItsOutputs() throws IOException {
        Files.writeString(dir.resolve("dvc.yaml"), PIPELINE + """
                  extra:
                    cmd: echo hi > extra.txt
                    outs:
                    - extra.txt
                """);
        freshClone();
        assertThat(changes(gate()))
                .containsOnlyKeys("extra")
                .containsEntry("extra", List.of(new StageFlag(StageChange.NOT_IN_LOCK)));
    }

    @Test
    void aLockEntryOfARemovedStageIsStaleAndRemoveDropsIt() throws IOException {
        Files.writeString(dir.resolve("dvc.yaml"), PIPELINE.substring(0, PIPELINE.indexOf("  train:")));
        freshClone();
        assertThat(changes(gate()))
                .containsOnlyKeys("train")
                .containsEntry("train", List.of(new StageFlag(StageChange.NOT_IN_DVC_YAML)));
        try (Repo repo = open()) {
            assertThat(repo.remove(RemoveOptions.of(List.of("train")))).containsExactly("train");
        }
        assertThat(Files.readString(dir.resolve("dvc.lock")))
                .doesNotContain("train:")
                .contains("prep:");
        assertThat(gate().isClean()).isTrue();
    }

    @Test
    void aLockRecordingWhatDvcYamlNoLongerDeclaresIsStaleAndCommitRewritesIt() throws IOException {
        Files.writeString(dir.resolve("dvc.yaml"), PIPELINE.replace("    - code.py\n", ""));
        StatusReport r = gate();
        assertThat(changes(r))
                .containsOnlyKeys("train")
                .containsEntry(
                        "train",
                        List.of(new PathChange(StageChange.Section.DEPS, "code.py", PathState.NOT_IN_DVC_YAML)));
        try (Repo repo = open()) {
            repo.commit(CommitOptions.of(List.of("train")));
        }
        assertThat(Files.readString(dir.resolve("dvc.lock"))).doesNotContain("path: code.py");
        assertThat(gate().isClean()).isTrue();
    }

    @Test
    void aFrozenStageSkipsItsDependencies() throws IOException {
        freshClone();
        Files.writeString(dir.resolve("code.py"), "print(2)\n");
        Files.writeString(dir.resolve("dvc.yaml"), PIPELINE.replace("    cmd: cat", "    frozen: true\n    cmd: cat"));
        assertThat(gate().isClean()).isTrue();
    }

    @Test
    void anAlwaysChangedStageIsNeverUpToDateAsInDvc() throws IOException {
        freshClone();
        Files.writeString(
                dir.resolve("dvc.yaml"), PIPELINE.replace("    cmd: cat", "    always_changed: true\n    cmd: cat"));
        assertThat(changes(gate())).containsEntry("train", List.of(new StageFlag("always changed")));
    }

    @Test
    void aCorruptLockFailsNamingFileAndLine() throws IOException {
        Files.writeString(dir.resolve("dvc.lock"), "schema: '2.0'\nstages:\n  prep:\n    cmd: [unclosed\n");
        assertThatThrownBy(this::gate).isInstanceOf(FormatException.class).hasMessageContaining("dvc.lock");
    }
}
