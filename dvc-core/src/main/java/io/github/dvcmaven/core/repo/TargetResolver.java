package io.github.dvcmaven.core.repo;

import io.github.dvcmaven.core.DvcException;
import io.github.dvcmaven.core.format.RepoPaths;
import io.github.dvcmaven.core.pipeline.DvcFileStage;
import io.github.dvcmaven.core.pipeline.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns user targets (a .dvc file, a tracked path, a path inside a tracked directory, relative to the
 * cwd) into stages and the outputs of them that were asked for.
 */
final class TargetResolver {
    private final Repo repo;
    private final StageIndex index;

    TargetResolver(Repo repo, StageIndex index) {
        this.repo = repo;
        this.index = index;
    }

    /** Stage → selected outputs, in target order; all stages and outputs when there are no targets. */
    Map<DvcFileStage, List<Output>> resolve(List<String> targets) {
        Map<DvcFileStage, List<Output>> selected = new LinkedHashMap<>();
        if (targets == null || targets.isEmpty()) {
            for (DvcFileStage s : index.dvcFiles()) {
                selected.put(s, new ArrayList<>(s.outs()));
            }
            return selected;
        }
        for (String target : targets) {
            String rel = repo.toRepoPath(target);
            DvcFileStage byFile = index.dvcFile(rel.endsWith(".dvc") ? rel : rel + ".dvc");
            if (rel.endsWith(".dvc") && byFile != null) {
                selected.computeIfAbsent(byFile, k -> new ArrayList<>()).addAll(byFile.outs());
                continue;
            }
            boolean found = false;
            for (DvcFileStage s : index.dvcFiles()) {
                for (Output o : s.outs()) {
                    if (RepoPaths.isWithin(rel, o.repoPath()) || (RepoPaths.isWithin(o.repoPath(), rel))) {
                        List<Output> outs = selected.computeIfAbsent(s, k -> new ArrayList<>());
                        if (!outs.contains(o)) {
                            outs.add(o);
                        }
                        found = true;
                    }
                }
            }
            if (!found) {
                throw new DvcException("'" + target + "' does not exist as an output or a stage name in any"
                        + " '.dvc' file", "check the path, or run `mvn dvc:add -Ddvc.targets=" + target + "` to track it");
            }
        }
        return selected;
    }
}
