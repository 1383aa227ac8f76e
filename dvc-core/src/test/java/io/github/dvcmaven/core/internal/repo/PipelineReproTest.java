package io.github.dvcmaven.core.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.DvcRenderer;
import io.github.dvcmaven.core.api.InitOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.ReproOptions;
import io.github.dvcmaven.core.api.ReproResult;
import io.github.dvcmaven.core.api.StageFailedException;
import io.github.dvcmaven.core.internal.format.FormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** repro's decisions: what runs, what is restored, what is recorded, and what is refused. */
class PipelineReproTest {
    @TempDir
    Path dir;

    final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private static final String PIPELINE = """
            stages:
              load:
                cmd: echo load >> runs.log && printf 'a,b\\n1,2\\n' > raw.csv
                deps:
                - load.sh
                outs:
                - raw.csv
              train:
                cmd: echo train >> runs.log && cat raw.csv params.yaml > model.bin
                deps:
                - raw.csv
                params:
                - train.C
                outs:
                - model.bin
              eval:
                cmd: echo eval >> runs.log && printf '{"auc":0.9}' > metrics.json
                deps:
                - model.bin
                params:
                - threshold
                metrics:
                - metrics.json:
                    cache: false
            """;

    @BeforeEach
    void setUp() throws IOException {
        Repo.init(dir, InitOptions.defaults().withNoScm(true));
        Files.writeString(dir.resolve("load.sh"), "echo load\n");
        Files.writeString(dir.resolve("params.yaml"), "train:\n  C: 0.5\nthreshold: 0.5\n");
        Files.writeString(dir.resolve("dvc.yaml"), PIPELINE);
    }

    private Repo open() {
        RepoListener listener = new RepoListener() {
            @Override
            public void log(Level level, String message) {
                log.add(message);
            }
        };
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir).withListener(listener));
    }

    private ReproResult repro(ReproOptions opts, String... targets) {
        try (Repo repo = open()) {
            return repo.repro(List.of(targets), opts);
        }
    }

    private List<String> runs() throws IOException {
        return Files.exists(dir.resolve("runs.log")) ? Files.readAllLines(dir.resolve("runs.log")) : List.of();
    }

    @Test
    void aParamChangeRerunsOnlyTheStagesThatDependOnIt() throws IOException {
        assertThat(repro(ReproOptions.defaults()).ran()).containsExactly("load", "train", "eval");
        assertThat(runs()).containsExactly("load", "train", "eval");
        String lock = Files.readString(dir.resolve("dvc.lock"));

        assertThat(repro(ReproOptions.defaults()).ran()).isEmpty();
        assertThat(log).contains("Stage 'load' didn't change, skipping", "Data and pipelines are up to date.");
        assertThat(Files.readString(dir.resolve("dvc.lock"))).isEqualTo(lock);

        Files.writeString(dir.resolve("params.yaml"), "train:\n  C: 1.5\nthreshold: 0.5\n");
        try (Repo repo = open()) {
            assertThat(DvcRenderer.json(repo.status(List.of())))
                    .isEqualTo("{\"train\": [{\"changed deps\": {\"params.yaml\": {\"train.C\": \"modified\"}}}]}");
        }
        ReproResult result = repro(ReproOptions.defaults());
        assertThat(result.ran()).containsExactly("train", "eval");
        assertThat(result.unchanged()).containsExactly("load");
        assertThat(runs()).containsExactly("load", "train", "eval", "train", "eval");
        assertThat(Files.readString(dir.resolve("dvc.lock")))
                .contains("train.C: 1.5")
                .isNotEqualTo(lock);
    }

    @Test
    void aFailingCommandNamesTheStageAndRecordsNothing() throws IOException {
        repro(ReproOptions.defaults());
        String lock = Files.readString(dir.resolve("dvc.lock"));
        Files.writeString(
                dir.resolve("dvc.yaml"),
                PIPELINE.replace("echo train >> runs.log && cat", "echo train >> runs.log && exit 3 && cat"));
        assertThatThrownBy(() -> repro(ReproOptions.defaults()))
                .isInstanceOf(StageFailedException.class)
                .hasMessageContaining("failed to reproduce 'train'")
                .hasMessageContaining("exited with code 3");
        assertThat(Files.readString(dir.resolve("dvc.lock"))).isEqualTo(lock);
        assertThat(runs()).containsExactly("load", "train", "eval", "train");
    }

    @Test
    void deletedOutputsOfAnUnchangedStageAreRestoredNotRerun() throws IOException {
        repro(ReproOptions.defaults());
        Files.delete(dir.resolve("model.bin"));
        ReproResult result = repro(ReproOptions.defaults());
        assertThat(result.restored()).containsExactly("train");
        assertThat(result.ran()).isEmpty();
        assertThat(log).contains("Stage 'train' is cached - skipping run, checking out outputs");
        assertThat(dir.resolve("model.bin")).exists();
        assertThat(runs()).containsExactly("load", "train", "eval");
    }

    @Test
    void theRunCacheRestoresARunSeenBefore() throws IOException {
        repro(ReproOptions.defaults());
        Files.writeString(dir.resolve("params.yaml"), "train:\n  C: 2.0\nthreshold: 0.5\n");
        repro(ReproOptions.defaults());
        Files.writeString(dir.resolve("params.yaml"), "train:\n  C: 0.5\nthreshold: 0.5\n");
        ReproResult back = repro(ReproOptions.defaults());
        assertThat(back.restored()).containsExactly("train", "eval");
        assertThat(runs()).containsExactly("load", "train", "eval", "train", "eval");
        assertThat(Files.readString(dir.resolve("metrics.json"))).isEqualTo("{\"auc\":0.9}");

        Files.writeString(dir.resolve("params.yaml"), "train:\n  C: 2.0\nthreshold: 0.5\n");
        assertThat(repro(new ReproOptions(false, false, false, false, true)).ran())
                .containsExactly("train", "eval");
    }

    @Test
    void dryRunForceSingleItemAndDownstream() throws IOException {
        ReproResult dry = repro(new ReproOptions(false, false, false, true, false));
        assertThat(dry.ran()).containsExactly("load", "train", "eval");
        assertThat(dir.resolve("dvc.lock")).doesNotExist();
        assertThat(runs()).isEmpty();
        assertThat(log)
                .contains("Running stage 'train':", "> echo train >> runs.log && cat raw.csv params.yaml > model.bin");

        repro(ReproOptions.defaults());
        assertThat(repro(new ReproOptions(true, false, true, false, false), "train")
                        .ran())
                .containsExactly("train");
        assertThat(repro(new ReproOptions(true, true, false, false, false), "train")
                        .ran())
                .containsExactly("train", "eval");
        assertThat(repro(new ReproOptions(true, false, false, false, false), "eval")
                        .ran())
                .containsExactly("load", "train", "eval");
    }

    @Test
    void badPipelinesFailWithFileLineAndStage() throws IOException {
        Files.writeString(dir.resolve("dvc.yaml"), "stages:\n  train:\n    cmd: x\n    bogus: 1\n");
        assertThatThrownBy(() -> repro(ReproOptions.defaults()))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("dvc.yaml:4:")
                .hasMessageContaining("'bogus'")
                .hasMessageContaining("'train'");

        Files.writeString(dir.resolve("dvc.yaml"), "stages:\n  train:\n    cmd: run ${train.lr}\n");
        assertThatThrownBy(() -> repro(ReproOptions.defaults()))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("dvc.yaml:3:")
                .hasMessageContaining("Could not find 'train.lr'");

        Files.writeString(dir.resolve("dvc.yaml"), """
                        stages:
                          a:
                            cmd: x
                            deps: [b.txt]
                            outs: [a.txt]
                          b:
                            cmd: y
                            deps: [a.txt]
                            outs: [b.txt]
                        """);
        assertThatThrownBy(() -> repro(ReproOptions.defaults()))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("cycle");

        Files.writeString(dir.resolve("dvc.yaml"), """
                        stages:
                          a:
                            cmd: x
                            outs: [m.json]
                          b:
                            cmd: y
                            outs: [m.json]
                        """);
        assertThatThrownBy(() -> repro(ReproOptions.defaults()))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("output 'm.json' is specified in stages")
                .hasMessageContaining("- a")
                .hasMessageContaining("- b");

        Files.writeString(dir.resolve("dvc.yaml"), """
                        stages:
                          a:
                            cmd: x
                            outs: [data]
                          b:
                            cmd: y
                            outs: [data/part.csv]
                        """);
        assertThatThrownBy(() -> repro(ReproOptions.defaults()))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("overlap");
    }
}
