package io.github.dvcmaven.core.repo;

import io.github.dvcmaven.core.pipeline.DvcFileStage;
import io.github.dvcmaven.core.pipeline.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code dvc commit}: records the workspace state of outputs in their pointers and the cache. */
final class CommitOperation {
    private final Repo repo;

    CommitOperation(Repo repo) {
        this.repo = repo;
    }

    CommitResult run(List<String> targets, boolean force) {
        StageIndex index = repo.index();
        ScmContext scm = new ScmContext(repo);
        OutputWorkspace ws = new OutputWorkspace(repo);
        List<String> committed = new ArrayList<>();
        for (Map.Entry<DvcFileStage, List<Output>> e : new TargetResolver(repo, index).resolve(targets).entrySet()) {
            DvcFileStage stage = e.getKey();
            boolean changed = false;
            List<Output> outs = new ArrayList<>();
            for (Output o : stage.outs()) {
                if (!e.getValue().contains(o)) {
                    outs.add(o);
                    continue;
                }
                Output saved = ws.save(o, scm, true);
                changed |= !saved.equals(o);
                outs.add(saved);
            }
            if (changed || stage.md5() != null) {
                DvcFileStage updated = new DvcFileStage(stage.file(), stage.wdir(), List.copyOf(outs), stage.deps(),
                        stage.isImport() ? stage.md5() : null, stage.frozen(), stage.desc(), stage.meta(), stage.raw());
                DvcFiles.write(repo, updated, scm);
                committed.add(repo.display(stage.file()));
            }
        }
        return new CommitResult(committed, scm.finish());
    }
}
