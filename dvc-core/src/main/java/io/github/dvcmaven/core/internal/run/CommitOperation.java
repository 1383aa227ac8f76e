package io.github.dvcmaven.core.internal.run;

import io.github.dvcmaven.core.api.CommitResult;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.PathState;
import io.github.dvcmaven.core.api.StageChange;
import io.github.dvcmaven.core.internal.format.LockFileFormat;
import io.github.dvcmaven.core.internal.params.ParamsReader;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.PipelineStage;
import io.github.dvcmaven.core.internal.pipeline.Stage;
import io.github.dvcmaven.core.internal.py.PyValues;
import io.github.dvcmaven.core.internal.repo.DvcFiles;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.ScmContext;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import io.github.dvcmaven.core.internal.repo.TargetResolver;
import io.github.dvcmaven.core.internal.status.PipelineStatus;
import io.github.dvcmaven.core.internal.workspace.OutputWorkspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dvc commit}: records the workspace state of outputs in their pointers or lock entries and the
 * cache. As dvc does in a non-interactive run, a stage whose dependencies, command or outputs changed
 * from what is recorded is refused without {@code force} (it would record data as produced by a run
 * that did not happen); outputs only missing from the cache (after {@code --no-commit}) are committed
 * as they are. A committed pipeline stage gets a run-cache entry, as dvc's stage save makes one.
 */
public final class CommitOperation {
    private final RepoContext repo;

    public CommitOperation(RepoContext repo) {
        this.repo = repo;
    }

    public CommitResult run(List<String> targets, boolean force) {
        StageIndex index = repo.index();
        ScmContext scm = new ScmContext(repo);
        OutputWorkspace ws = new OutputWorkspace(repo);
        ParamsReader params = new ParamsReader(repo.root());
        StageCommitter committer = new StageCommitter(repo, scm, ws, params);
        PipelineStatus status = new PipelineStatus(repo, ws, params);
        List<String> committed = new ArrayList<>();
        Map<PipelineStage, Map<String, Object>> lockUpdates = new LinkedHashMap<>();
        for (Map.Entry<Stage, List<Output>> e :
                new TargetResolver(repo, index).resolve(targets).entrySet()) {
            if (e.getKey() instanceof PipelineStage p) {
                LockFileFormat.LockEntry lock = index.lockEntry(p);
                boolean changed = lock == null
                        || !PyValues.equal(lock.cmd(), p.cmd())
                        || status.status(p, lock).stream().anyMatch(c -> !onlyUncached(c));
                if (changed && !force) {
                    throw refused(p.addressing());
                }
                List<Output> outs = committer.saveOuts(p);
                Map<String, Object> entry =
                        StageCommitter.lockEntry(p, committer.hashDeps(p), committer.paramValues(p), outs);
                if (lock == null || !status.status(p, lock).isEmpty()) {
                    committed.add(repo.display(p.addressing()));
                }
                if ((changed || force) && RunCache.saveable(p)) {
                    for (Output o : outs) {
                        if (!o.cache()) {
                            ws.storeCopy(o);
                        }
                    }
                    new RunCache(repo).save(entry);
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
                if (!force && o.hash() != null && !o.hash().equals(saved.hash())) {
                    throw refused(repo.display(stage.file()));
                }
                changed |= !saved.equals(o);
                outs.add(saved);
            }
            if (changed || stage.md5() != null) {
                DvcFileStage updated = new DvcFileStage(
                        stage.file(),
                        stage.wdir(),
                        List.copyOf(outs),
                        stage.imports(),
                        stage.isImport() ? stage.md5() : null,
                        stage.frozen(),
                        stage.desc(),
                        stage.meta(),
                        stage.raw());
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

    /** An output only missing from the cache, its hash already recorded: what --no-commit leaves to commit. */
    private static boolean onlyUncached(StageChange c) {
        return c instanceof StageChange.PathChange pc
                && pc.section() == StageChange.Section.OUTS
                && pc.state() == PathState.NOT_IN_CACHE;
    }

    private static DvcException refused(String shown) {
        return new DvcException(
                "failed to commit " + shown + " - unable to commit changed stage: '" + shown
                        + "'. Use `-f|--force` to force.",
                "run `mvn dvc:repro` to record a real run, or commit what is there"
                        + " with `mvn dvc:commit -Ddvc.force=true`");
    }
}
