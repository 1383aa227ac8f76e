package io.github.dvcmaven.core.internal.repo;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.format.DvcYamlFormat;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.PipelineStage;
import io.github.dvcmaven.core.internal.pipeline.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns user targets into stages and the outputs of them asked for, as dvc accepts them: a .dvc file, a
 * stage name ({@code train}, a foreach group {@code train} or member {@code train@1}),
 * {@code path/dvc.yaml:stage}, a dvc.yaml (all its stages), or a tracked path (its stage; a path inside
 * a tracked directory selects that directory). Paths are relative to the cwd.
 */
public final class TargetResolver {
    private final RepoContext repo;
    private final StageIndex index;

    public TargetResolver(RepoContext repo, StageIndex index) {
        this.repo = repo;
        this.index = index;
    }

    /** Stage → selected outputs, in target order; every stage when there are no targets. */
    public Map<Stage, List<Output>> resolve(List<String> targets) {
        Map<Stage, List<Output>> selected = new LinkedHashMap<>();
        if (targets == null || targets.isEmpty()) {
            for (Stage s : index.allStages()) {
                selected.put(s, new ArrayList<>(s.outs()));
            }
            return selected;
        }
        for (String target : targets) {
            for (Stage s : stagesFor(target)) {
                selected.computeIfAbsent(s, k -> new ArrayList<>())
                        .addAll(s.outs().stream()
                                .filter(o -> !selected.get(s).contains(o))
                                .toList());
            }
        }
        // narrow to outputs when a target named a path
        for (String target : targets) {
            String rel = safeRel(target);
            if (rel == null) {
                continue;
            }
            for (Map.Entry<Stage, List<Output>> e : selected.entrySet()) {
                List<Output> matching = e.getKey().outs().stream()
                        .filter(o -> RepoPaths.isWithin(rel, o.repoPath()) || RepoPaths.isWithin(o.repoPath(), rel))
                        .toList();
                if (!matching.isEmpty() && !isStageTarget(target)) {
                    e.setValue(new ArrayList<>(matching));
                }
            }
        }
        return selected;
    }

    /**
     * Paths inside directory outputs that targets name ({@code data/sub/a.csv} of the output {@code data}),
     * as paths relative to the output: a granular checkout restores only those. An output some target
     * names whole is absent.
     */
    public Map<String, Set<String>> innerPaths(List<String> targets) {
        Map<String, Set<String>> inner = new LinkedHashMap<>();
        Set<String> whole = new HashSet<>();
        for (String target : targets == null ? List.<String>of() : targets) {
            String rel = safeRel(target);
            for (Stage s : stagesFor(target)) {
                for (Output o : s.outs()) {
                    if (rel != null
                            && !isStageTarget(target)
                            && !rel.equals(o.repoPath())
                            && RepoPaths.isWithin(rel, o.repoPath())) {
                        inner.computeIfAbsent(o.repoPath(), k -> new LinkedHashSet<>())
                                .add(rel.substring(o.repoPath().length() + 1));
                    } else {
                        whole.add(o.repoPath());
                    }
                }
            }
        }
        inner.keySet().removeAll(whole);
        return inner;
    }

    /** The stages one target names. */
    public List<Stage> stagesFor(String target) {
        List<Stage> found = new ArrayList<>();
        String file = null;
        String name = target;
        int colon = target.lastIndexOf(':');
        if (colon > 0 && target.substring(0, colon).endsWith("dvc.yaml")) {
            file = repo.toRepoPath(target.substring(0, colon));
            name = target.substring(colon + 1);
        } else if (target.endsWith("dvc.yaml")) {
            String f = repo.toRepoPath(target);
            for (DvcYamlFormat.PipelineFile pf : index.pipelines()) {
                if (pf.path().equals(f)) {
                    return new ArrayList<>(pf.stages());
                }
            }
            throw new DvcException("'" + target + "' does not exist", "check the path of the dvc.yaml");
        }
        String defaultFile = file != null ? file : defaultDvcYaml();
        for (PipelineStage s : index.pipelineStages()) {
            if (s.dvcfile().equals(defaultFile)
                    && (s.name().equals(name) || s.name().startsWith(name + "@"))) {
                found.add(s);
            }
        }
        if (!found.isEmpty() || file != null) {
            if (found.isEmpty()) {
                throw new DvcException(
                        "stage '" + name + "' not found in '" + file + "'", "run `mvn dvc:dag` to list stages");
            }
            return found;
        }
        String rel = safeRel(target);
        if (rel != null) {
            DvcFileStage byFile = index.dvcFile(rel.endsWith(".dvc") ? rel : rel + ".dvc");
            if (rel.endsWith(".dvc") && byFile != null) {
                return List.of(byFile);
            }
            for (Stage s : index.allStages()) {
                for (Output o : s.outs()) {
                    if (RepoPaths.isWithin(rel, o.repoPath()) || RepoPaths.isWithin(o.repoPath(), rel)) {
                        if (!found.contains(s)) {
                            found.add(s);
                        }
                    }
                }
            }
        }
        if (found.isEmpty()) {
            throw new DvcException(
                    "'" + target + "' does not exist as an output or a stage name in 'dvc.yaml' or any"
                            + " '.dvc' file",
                    "run `mvn dvc:dag` to list stages, or `mvn dvc:add -Ddvc.targets=" + target
                            + "` to track the path");
        }
        return found;
    }

    private boolean isStageTarget(String target) {
        if (target.contains(":") || target.endsWith("dvc.yaml") || target.endsWith(".dvc")) {
            return true;
        }
        String defaultFile = defaultDvcYaml();
        for (PipelineStage s : index.pipelineStages()) {
            if (s.dvcfile().equals(defaultFile)
                    && (s.name().equals(target) || s.name().startsWith(target + "@"))) {
                return true;
            }
        }
        return false;
    }

    /** The dvc.yaml in the cwd (as a repo path), where bare stage names are looked up. */
    public String defaultDvcYaml() {
        String cwdRel = repo.toRepoPath(".");
        return cwdRel.isEmpty() ? "dvc.yaml" : cwdRel + "/dvc.yaml";
    }

    private String safeRel(String target) {
        try {
            return repo.toRepoPath(target);
        } catch (DvcException e) {
            return null;
        }
    }
}
