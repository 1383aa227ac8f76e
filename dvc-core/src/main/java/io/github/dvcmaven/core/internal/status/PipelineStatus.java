package io.github.dvcmaven.core.internal.status;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.PathState;
import io.github.dvcmaven.core.api.StageChange;
import io.github.dvcmaven.core.api.StageChange.ParamsChange;
import io.github.dvcmaven.core.api.StageChange.PathChange;
import io.github.dvcmaven.core.api.StageChange.Section;
import io.github.dvcmaven.core.api.StageChange.StageFlag;
import io.github.dvcmaven.core.internal.format.LockFileFormat;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.params.ParamsReader;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.ParamsDep;
import io.github.dvcmaven.core.internal.pipeline.PipelineStage;
import io.github.dvcmaven.core.internal.py.PyValues;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import io.github.dvcmaven.core.internal.workspace.OutputWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dvc's "changed?" rules for a dvc.yaml stage against its lock entry: changed deps (files and params),
 * changed outs, always changed, changed command; empty when the stage is up to date.
 *
 * <p>With a {@link LocalDataAllowance} (a status allowed to miss data) an output absent from this
 * checkout is no change when the lock records it, and an absent dependency is proven through the hash
 * its producing stage or pointer records; data that is present is still hashed. With {@code strictLock}
 * the lock must also name exactly the deps, outs and params dvc.yaml declares.
 */
public final class PipelineStatus {
    private final RepoContext repo;
    private final OutputWorkspace ws;
    private final ParamsReader params;
    private final LocalDataAllowance allowance;
    private final boolean strictLock;

    public PipelineStatus(RepoContext repo, OutputWorkspace ws, ParamsReader params) {
        this(repo, ws, params, null, false);
    }

    public PipelineStatus(
            RepoContext repo,
            OutputWorkspace ws,
            ParamsReader params,
            LocalDataAllowance allowance,
            boolean strictLock) {
        this.repo = repo;
        this.ws = ws;
        this.params = params;
        this.allowance = allowance;
        this.strictLock = strictLock;
    }

    public List<StageChange> status(PipelineStage s, LockFileFormat.LockEntry lock) {
        List<StageChange> changes = new ArrayList<>();
        if (allowance != null && lock == null) {
            // nothing recorded: no output can be proven, whatever this checkout has
            changes.add(new StageFlag(StageChange.NOT_IN_LOCK));
            return changes;
        }
        if (!s.frozen()) {
            changes.addAll(depsStatus(s, lock));
        }
        for (Output o : s.outs()) {
            PathState st = outStatus(StageIndex.withLock(o, lock));
            if (st != null) {
                changes.add(new PathChange(Section.OUTS, repo.display(o.repoPath()), st));
            }
        }
        if (strictLock && lock != null) {
            undeclared(s, Section.OUTS, lock.outs(), s.outs(), changes);
        }
        if (s.alwaysChanged() || s.isCallback()) {
            changes.add(new StageFlag("always changed"));
        }
        if (lock != null && !PyValues.equal(lock.cmd(), s.cmd())) {
            changes.add(new StageFlag("changed command"));
        }
        return changes;
    }

    List<StageChange> depsStatus(PipelineStage s, LockFileFormat.LockEntry lock) {
        List<StageChange> changes = new ArrayList<>();
        for (Output d : s.deps()) {
            PathState st = depStatus(StageIndex.withLock(d, lock));
            if (st != null) {
                changes.add(new PathChange(Section.DEPS, repo.display(d.repoPath()), st));
            }
        }
        if (strictLock && lock != null) {
            undeclared(s, Section.DEPS, lock.deps(), s.deps(), changes);
        }
        Set<String> declaredFiles = new HashSet<>();
        for (ParamsDep p : s.params()) {
            declaredFiles.add(p.defPath());
            ParamsChange st = paramsStatus(p, lock);
            if (st != null) {
                changes.add(st);
            }
        }
        if (strictLock && lock != null) {
            for (String file : lock.params().keySet()) {
                if (!declaredFiles.contains(file)) {
                    changes.add(new ParamsChange(
                            repo.display(RepoPaths.join(s.wdir(), file)), PathState.NOT_IN_DVC_YAML, Map.of()));
                }
            }
        }
        return changes;
    }

    /** Lock items whose path dvc.yaml no longer declares for the stage. */
    private void undeclared(
            PipelineStage s,
            Section section,
            List<LockFileFormat.LockItem> recorded,
            List<Output> declared,
            List<StageChange> changes) {
        Set<String> paths = new HashSet<>();
        declared.forEach(o -> paths.add(o.defPath()));
        for (LockFileFormat.LockItem item : recorded) {
            if (!paths.contains(item.path())) {
                changes.add(new PathChange(
                        section, repo.display(RepoPaths.join(s.wdir(), item.path())), PathState.NOT_IN_DVC_YAML));
            }
        }
    }

    private PathState outStatus(Output o) {
        if (allowance == null) {
            return ws.status(o);
        }
        Path p = repo.root().resolve(o.repoPath());
        if (o.hash() == null) {
            return Files.exists(p) ? PathState.MODIFIED : PathState.NOT_IN_LOCK;
        }
        if (!Files.exists(p)) {
            allowance.missingOutput(o);
            return null;
        }
        return ws.workspaceStatus(o);
    }

    PathState depStatus(Output d) {
        Path p = repo.root().resolve(d.repoPath());
        if (!Files.exists(p)) {
            if (allowance == null) {
                return PathState.DELETED;
            }
            if (d.hash() == null) {
                return PathState.NOT_IN_LOCK;
            }
            return allowance.proveAbsentDep(d, repo.display(d.repoPath())) ? null : PathState.MODIFIED;
        }
        if (d.hash() == null) {
            return PathState.MODIFIED;
        }
        HashInfo current = ws.currentHash(d);
        return current.value().equals(d.hash().value()) ? null : PathState.MODIFIED;
    }

    /** "deleted", "new", or key → status for the keys that differ; null when unchanged. */
    ParamsChange paramsStatus(ParamsDep p, LockFileFormat.LockEntry lock) {
        String file = repo.display(p.repoPath());
        if (!params.exists(p)) {
            if (allowance != null && allowance.isProduced(p.repoPath())) {
                allowance.uncheckedDep(file);
                return null;
            }
            return new ParamsChange(file, PathState.DELETED, Map.of());
        }
        Map<String, Object> recorded = lock == null ? null : lock.params().get(p.defPath());
        if (recorded == null) {
            return new ParamsChange(file, PathState.NEW, Map.of());
        }
        Map<String, Object> actual = params.values(p);
        Set<String> keys = new LinkedHashSet<>();
        if (p.wholeFile()) {
            keys.addAll(actual.keySet());
            keys.addAll(recorded.keySet());
        } else {
            keys.addAll(p.keys());
        }
        Map<String, PathState> changed = new LinkedHashMap<>();
        for (String k : keys) {
            if (!actual.containsKey(k)) {
                changed.put(k, PathState.DELETED);
            } else if (!recorded.containsKey(k)) {
                changed.put(k, PathState.NEW);
            } else if (!PyValues.equal(actual.get(k), recorded.get(k))) {
                changed.put(k, PathState.MODIFIED);
            }
        }
        if (strictLock && !p.wholeFile()) {
            for (String k : recorded.keySet()) {
                if (!keys.contains(k)) {
                    changed.put(k, PathState.NOT_IN_DVC_YAML);
                }
            }
        }
        return changed.isEmpty() ? null : new ParamsChange(file, null, changed);
    }
}
