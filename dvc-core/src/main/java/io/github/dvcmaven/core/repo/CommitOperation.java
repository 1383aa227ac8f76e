package io.github.dvcmaven.core.repo;

import io.github.dvcmaven.core.DvcException;
import io.github.dvcmaven.core.format.LockFileFormat;
import io.github.dvcmaven.core.pipeline.DvcFileStage;
import io.github.dvcmaven.core.pipeline.Output;
import io.github.dvcmaven.core.pipeline.PipelineStage;
import io.github.dvcmaven.core.pipeline.Stage;
import io.github.dvcmaven.core.py.PyValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dvc commit}: records the workspace state of outputs in their pointers or lock entries and the
 * cache. For a pipeline stage whose dependencies or command changed this needs {@code force}: it
 * records data as produced by a run that did not happen.
 */
final class CommitOperation {
    private final Repo repo;

    CommitOperation(Repo repo) {
        this.repo = repo;
    }

    CommitResult run(List<String> targets, boolean force) {
        StageIndex index = repo.index();
        ScmContext scm = new ScmContext(repo);
        OutputWorkspace ws = new OutputWorkspace(repo);
        ParamsReader params = new ParamsReader(repo.root());
        StageCommitter committer = new StageCommitter(repo, scm, ws, params);
        PipelineStatus status = new PipelineStatus(repo, ws, params);
        List<String> committed = new ArrayList<>();
        Map<PipelineStage, Map<String, Object>> lockUpdates = new LinkedHashMap<>();
        for (Map.Entry<Stage, List<Output>> e : new TargetResolver(repo, index).resolve(targets).entrySet()) {
            if (e.getKey() instanceof PipelineStage p) {
                LockFileFormat.LockEntry lock = index.lockEntry(p);
                boolean depsChanged = !status.depsStatus(p, lock).isEmpty()
                        || (lock != null && !PyValues.equal(lock.cmd(), p.cmd()));
                if (depsChanged && !force) {
                    throw new DvcException("dependencies or command of stage '" + p.addressing() + "' changed since it"
                            + " last ran", "run `mvn dvc:repro`, or commit anyway with -Ddvc.force=true");
                }
                Map<String, Object> entry = StageCommitter.lockEntry(p, committer.hashDeps(p),
                        committer.paramValues(p), committer.saveOuts(p));
                if (lock == null || !status.status(p, lock).isEmpty()) {
                    committed.add(repo.display(p.addressing()));
                }
                lockUpdates.put(p, entry);
                continue;
            }
            DvcFileStage stage = (DvcFileStage) e.getKey();
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
                DvcFileStage updated = new DvcFileStage(stage.file(), stage.wdir(), List.copyOf(outs), stage.imports(),
                        stage.isImport() ? stage.md5() : null, stage.frozen(), stage.desc(), stage.meta(), stage.raw());
                DvcFiles.write(repo, updated, scm);
                committed.add(repo.display(stage.file()));
            }
        }
        if (!lockUpdates.isEmpty()) {
            Map<String, LockFileFormat.LockFile> locks = new HashMap<>();
            committer.writeLock(f -> locks.computeIfAbsent(f, index::lockFor), lockUpdates);
        }
        return new CommitResult(committed, scm.finish());
    }
}
