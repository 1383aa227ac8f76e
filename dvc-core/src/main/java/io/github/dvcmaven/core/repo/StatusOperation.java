package io.github.dvcmaven.core.repo;

import io.github.dvcmaven.core.pipeline.DvcFileStage;
import io.github.dvcmaven.core.pipeline.Output;
import io.github.dvcmaven.core.pipeline.PipelineStage;
import io.github.dvcmaven.core.pipeline.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code dvc status}: per stage, its changed deps and outs, always-changed and changed command/checksum. */
final class StatusOperation {
    private final Repo repo;

    StatusOperation(Repo repo) {
        this.repo = repo;
    }

    StatusReport run(List<String> targets) {
        StageIndex index = repo.index();
        new io.github.dvcmaven.core.pipeline.Dag(index.allStages());
        OutputWorkspace ws = new OutputWorkspace(repo);
        PipelineStatus pipeline = new PipelineStatus(repo, ws, new ParamsReader(repo.root()));
        Map<String, List<Object>> result = new LinkedHashMap<>();
        for (Map.Entry<Stage, List<Output>> e : new TargetResolver(repo, index).resolve(targets).entrySet()) {
            List<Object> entries;
            if (e.getKey() instanceof PipelineStage p) {
                entries = pipeline.status(p, index.lockEntry(p));
            } else {
                entries = dataStatus((DvcFileStage) e.getKey(), e.getValue(), ws);
            }
            if (!entries.isEmpty()) {
                result.put(repo.display(e.getKey().addressing()), entries);
            }
        }
        return new StatusReport(result, index.isEmpty());
    }

    private List<Object> dataStatus(DvcFileStage stage, List<Output> outputs, OutputWorkspace ws) {
        List<Object> entries = new ArrayList<>();
        Map<String, String> outs = new LinkedHashMap<>();
        for (Output o : outputs) {
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
        return entries;
    }
}
