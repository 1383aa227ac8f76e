package io.github.dvcmaven.core.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.internal.pipeline.PipelineStage;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Templating against dvc's own resolution: vars (params files, inline maps, file:keys), nested
 * {@code ${}} in strings, lists and maps, foreach over lists, dicts and lists of dicts, matrix, and
 * wdir, resolved by dvc's Python API and by us; every stage's name, commands, deps, outs and params
 * must be the same. dvc's answer is JSON, read here with snakeyaml.
 */
@Tag("interop")
class TemplatingInteropTest {
    @TempDir
    Path tmp;

    static final String DVC_YAML = """
            vars:
              - params.yaml
              - config.yaml:train,paths
              - local:
                  tag: v1
                  sizes: [1, 2]
            stages:
              prepare:
                cmd: python prep.py --seed ${seed} --out ${paths.data}/raw-${local.tag}.csv
                deps:
                - prep.py
                outs:
                - ${paths.data}/raw-${local.tag}.csv
              train:
                foreach: ${models}
                do:
                  cmd: python train.py --name ${item.name} --lr ${item.lr}
                  deps:
                  - ${paths.data}/raw-${local.tag}.csv
                  params:
                  - train.epochs
                  outs:
                  - models/${item.name}.pkl
              score:
                foreach:
                  fast: {threshold: 0.5}
                  slow: {threshold: 0.9}
                do:
                  cmd: echo ${key} ${item.threshold} > scores/${key}.txt
                  outs:
                  - scores/${key}.txt
              grid:
                matrix:
                  model: [a, b]
                  size: ${local.sizes}
                cmd: echo ${item.model} ${item.size}
                outs:
                - grid/${item.model}-${item.size}.txt
              sub:
                wdir: sub
                cmd: cat ${train.epochs}.txt
                deps:
                - ../${paths.data}/raw-${local.tag}.csv
                outs:
                - out-${seed}.txt
              each:
                foreach: [10, 20]
                do:
                  cmd: echo ${item}
                  outs:
                  - each-${item}.txt
            """;

    @Test
    void stagesResolveAsDvcResolvesThem() throws Exception {
        ExternalTools.dvcVenv();
        DvcCli dvc = new DvcCli(tmp.resolve("cfg"));
        Path dir = dvc.initRepo(tmp.resolve("ws"));
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("dvc.yaml"), DVC_YAML);
        Files.writeString(dir.resolve("params.yaml"), """
                        seed: 42
                        models:
                        - {name: lin, lr: 0.1, layers: [1, 2]}
                        - {name: deep, lr: 0.01, layers: [64, 64, 8]}
                        """);
        Files.writeString(dir.resolve("config.yaml"), "train:\n  epochs: 7\npaths:\n  data: data\nunused: 1\n");

        Path script = Files.writeString(tmp.resolve("resolve.py"), """
                import json, sys
                from dvc.repo import Repo
                out = {}
                for s in Repo(sys.argv[1]).index.stages:
                    out[s.addressing] = {
                        "cmd": s.cmd if isinstance(s.cmd, list) else [s.cmd],
                        "wdir": s.wdir.replace(sys.argv[1], "").lstrip("/") or ".",
                        "deps": sorted(d.def_path for d in s.deps if not hasattr(d, "params")),
                        "params": sorted(k for d in s.deps if hasattr(d, "params") for k in d.params),
                        "outs": sorted(o.def_path for o in s.outs),
                    }
                print(json.dumps(out))
                """);
        ProcessBuilder pb = new ProcessBuilder(
                        ExternalTools.dvcVenv().resolve("bin/python").toString(), script.toString(), dir.toString())
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(dvc.env());
        Process p = pb.start();
        String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> theirs =
                new TreeMap<>((Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(answer));

        Map<String, Object> ours = new TreeMap<>();
        try (RepoContext repo =
                RepoContext.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(dvc.env()))) {
            for (PipelineStage s : repo.index().pipelineStages()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("cmd", s.commands());
                m.put("wdir", s.wdir().isEmpty() ? "." : s.wdir());
                m.put("deps", s.deps().stream().map(d -> d.defPath()).sorted().toList());
                List<String> params = new ArrayList<>();
                s.params().forEach(pd -> params.addAll(pd.keys()));
                m.put("params", params.stream().sorted().toList());
                m.put("outs", s.outs().stream().map(o -> o.defPath()).sorted().toList());
                ours.put(s.addressing(), m);
            }
        }
        assertThat(ours.keySet()).isEqualTo(theirs.keySet());
        for (String name : theirs.keySet()) {
            assertThat(ours.get(name)).as(name).isEqualTo(theirs.get(name));
        }
    }

    @Test
    void whatDvcCannotResolveWeRefuseToo() throws Exception {
        ExternalTools.dvcVenv();
        DvcCli dvc = new DvcCli(tmp.resolve("cfg"));
        List<String> bad = List.of(
                "vars:\n- local: {l: [1, 2]}\nstages:\n  s:\n    cmd: echo ${local.l}\n",
                "stages:\n  s:\n    cmd: echo ${missing.key}\n",
                "vars:\n- nofile.yaml\nstages:\n  s:\n    cmd: echo\n",
                "stages:\n  s:\n    foreach: ${nothing}\n    do:\n      cmd: echo ${item}\n",
                "stages:\n  s:\n    matrix:\n      a: 1\n    cmd: echo ${item.a}\n",
                "stages:\n  s:\n    cmd: echo ${item}\n",
                "vars:\n- local: {a: 1}\n- local: {a: 2}\nstages:\n  s:\n    cmd: echo ${local.a}\n");
        int i = 0;
        for (String yaml : bad) {
            Path dir = dvc.initRepo(tmp.resolve("bad" + i++));
            Files.writeString(dir.resolve("dvc.yaml"), yaml);
            assertThat(dvc.run(dir, "stage", "list").exitCode())
                    .as("dvc refuses " + yaml)
                    .isNotZero();
            try (RepoContext repo =
                    RepoContext.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(dvc.env()))) {
                org.assertj.core.api.Assertions.assertThatThrownBy(
                                () -> repo.index().pipelineStages())
                        .as(yaml)
                        .isInstanceOf(DvcException.class)
                        .hasMessageContaining("dvc.yaml");
            }
        }
    }
}
