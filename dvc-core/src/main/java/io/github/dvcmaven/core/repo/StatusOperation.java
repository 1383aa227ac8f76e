package io.github.dvcmaven.core.repo;

import io.github.dvcmaven.core.pipeline.DvcFileStage;
import io.github.dvcmaven.core.pipeline.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code dvc status} for tracked data: per stage, its changed outputs and a changed checksum. */
final class StatusOperation {
    private final Repo repo;

    StatusOperation(Repo repo) {
        this.repo = repo;
    }

    StatusReport run(List<String> targets) {
        StageIndex index = repo.index();
        OutputWorkspace ws = new OutputWorkspace(repo);
        Map<String, List<Object>> result = new LinkedHashMap<>();
        for (Map.Entry<DvcFileStage, List<Output>> e : new TargetResolver(repo, index).resolve(targets).entrySet()) {
            DvcFileStage stage = e.getKey();
            List<Object> entries = new ArrayList<>();
            Map<String, String> outs = new LinkedHashMap<>();
            for (Output o : e.getValue()) {
                String st = ws.status(o);
                if (st != null) {
                    outs.put(repo.display(o.repoPath()), st);
                }
            }
            if (!outs.isEmpty()) {
                entries.add(Map.of("changed outs", outs));
            }
            if (stage.md5() != null && !stage.isImport()) {
                entries.add("changed checksum");
            }
            if (!entries.isEmpty()) {
                result.put(repo.display(stage.addressing()), entries);
            }
        }
        return new StatusReport(result, index.dvcFiles().isEmpty());
    }
}
