package io.github.dvcmaven.core.internal.status;

import io.github.dvcmaven.core.api.MissingData;
import io.github.dvcmaven.core.api.PathState;
import io.github.dvcmaven.core.api.StageChange;
import io.github.dvcmaven.core.api.StageChange.PathChange;
import io.github.dvcmaven.core.api.StageChange.Section;
import io.github.dvcmaven.core.api.StageChange.StageFlag;
import io.github.dvcmaven.core.api.StageStatus;
import io.github.dvcmaven.core.api.StatusOptions;
import io.github.dvcmaven.core.api.StatusReport;
import io.github.dvcmaven.core.internal.format.DvcYamlFormat;
import io.github.dvcmaven.core.internal.params.ParamsReader;
import io.github.dvcmaven.core.internal.pipeline.Dag;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.PipelineStage;
import io.github.dvcmaven.core.internal.pipeline.Stage;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.RwLock;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import io.github.dvcmaven.core.internal.repo.TargetResolver;
import io.github.dvcmaven.core.internal.workspace.OutputWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code dvc status}: per stage, its changed deps and outs, always-changed and changed command/checksum;
 * plus what dvc itself lets pass: lock entries of stages dvc.yaml no longer has, and deps, outs and
 * params a lock entry records that dvc.yaml no longer declares.
 */
public final class StatusOperation {
    private final RepoContext repo;

    public StatusOperation(RepoContext repo) {
        this.repo = repo;
    }

    public StatusReport run(StatusOptions opts) {
        StageIndex index = repo.index();
        new Dag(index.allStages());
        OutputWorkspace ws = new OutputWorkspace(repo);
        LocalDataAllowance allowance = opts.allowMissing() ? new LocalDataAllowance(repo, index) : null;
        PipelineStatus pipeline = new PipelineStatus(repo, ws, new ParamsReader(repo.root()), allowance, true);
        List<StageStatus> result = new ArrayList<>();
        Map<Stage, List<Output>> selected = new TargetResolver(repo, index).resolve(opts.targets());
        // as dvc's status reads deps and outs under the rwlock: a stage being run right now is busy, not "deleted"
        List<Path> read = new ArrayList<>();
        for (Stage st : selected.keySet()) {
            if (st instanceof PipelineStage p) {
                read.addAll(p.depPaths(repo.root()));
                read.addAll(p.outPaths(repo.root()));
            }
        }
        RwLock.checkNotWritten(repo.dvcDir(), read, repo.listener());
        for (Map.Entry<Stage, List<Output>> e : selected.entrySet()) {
            List<StageChange> changes = e.getKey() instanceof PipelineStage p
                    ? pipeline.status(p, index.lockEntry(p))
                    : dataStatus((DvcFileStage) e.getKey(), e.getValue(), ws, allowance);
            if (!changes.isEmpty()) {
                result.add(new StageStatus(repo.display(e.getKey().addressing()), changes));
            }
        }
        if (opts.targets().isEmpty()) {
            result.addAll(orphanLockEntries(index));
        }
        return new StatusReport(result, index.isEmpty(), allowance == null ? MissingData.NONE : allowance.summary());
    }

    /** Lock entries whose stage is gone from dvc.yaml: dvc ignores them, a lock that describes the pipeline may not. */
    private List<StageStatus> orphanLockEntries(StageIndex index) {
        List<StageStatus> out = new ArrayList<>();
        for (DvcYamlFormat.PipelineFile pf : index.pipelines()) {
            Set<String> names = new HashSet<>();
            pf.stages().forEach(s -> names.add(s.name()));
            for (String name : index.lockFor(pf.path()).stages().keySet()) {
                if (!names.contains(name)) {
                    String addressing = pf.path().equals("dvc.yaml") ? name : pf.path() + ":" + name;
                    out.add(new StageStatus(
                            repo.display(addressing), List.of(new StageFlag(StageChange.NOT_IN_DVC_YAML))));
                }
            }
        }
        return out;
    }

    private List<StageChange> dataStatus(
            DvcFileStage stage, List<Output> outputs, OutputWorkspace ws, LocalDataAllowance allowance) {
        List<StageChange> changes = new ArrayList<>();
        for (Output o : outputs) {
            PathState st;
            if (allowance != null && o.hash() != null && !Files.exists(ws.path(o))) {
                allowance.missingOutput(o);
                st = null;
            } else {
                st = allowance != null ? ws.workspaceStatus(o) : ws.status(o);
            }
            if (st != null) {
                changes.add(new PathChange(Section.OUTS, repo.display(o.repoPath()), st));
            }
        }
        if (stage.md5() != null && !stage.isImport()) {
            changes.add(new StageFlag("changed checksum"));
        }
        return changes;
    }
}
