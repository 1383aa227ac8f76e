package io.github.dvcmaven.core.internal.run;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.RepoListener.Level;
import io.github.dvcmaven.core.api.ReproOptions;
import io.github.dvcmaven.core.api.ReproResult;
import io.github.dvcmaven.core.api.StatusReport;
import io.github.dvcmaven.core.internal.format.DvcYamlFormat;
import io.github.dvcmaven.core.internal.format.LockFileFormat;
import io.github.dvcmaven.core.internal.fs.FileTrees;
import io.github.dvcmaven.core.internal.params.ParamsReader;
import io.github.dvcmaven.core.internal.pipeline.Dag;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.PipelineStage;
import io.github.dvcmaven.core.internal.pipeline.Stage;
import io.github.dvcmaven.core.internal.py.PyValues;
import io.github.dvcmaven.core.internal.repo.DvcFiles;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.RwLock;
import io.github.dvcmaven.core.internal.repo.ScmContext;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import io.github.dvcmaven.core.internal.repo.TargetResolver;
import io.github.dvcmaven.core.internal.status.PipelineStatus;
import io.github.dvcmaven.core.internal.workspace.CheckoutOperation;
import io.github.dvcmaven.core.internal.workspace.OutputWorkspace;
import io.github.dvcmaven.core.internal.workspace.Unprotect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dvc repro}: runs the stages that changed and what depends on them, dependencies first. A stage
 * whose command, dependencies and parameters were seen before is restored from the cache instead of
 * run. Dependencies are hashed before the command runs and checked after it (dvc records the later
 * state). A failing command stops everything and records nothing for that stage.
 */
public final class ReproOperation {
    private final RepoContext repo;
    private final ScmContext scm;
    private final OutputWorkspace ws;
    private final ParamsReader params;
    private final StageCommitter committer;
    private final RunCache runCache;
    private final Map<String, LockFileFormat.LockFile> locks = new HashMap<>();
    private StageIndex index;

    public ReproOperation(RepoContext repo) {
        this.repo = repo;
        this.scm = new ScmContext(repo);
        this.ws = new OutputWorkspace(repo);
        this.params = new ParamsReader(repo.root());
        this.committer = new StageCommitter(repo, scm, ws, params);
        this.runCache = new RunCache(repo);
    }

    public ReproResult run(List<String> targets, ReproOptions opts) {
        try {
            return runInScm(targets, opts);
        } catch (RuntimeException e) {
            scm.rollback(e);
            throw e;
        }
    }

    private ReproResult runInScm(List<String> targets, ReproOptions opts) {
        index = repo.index();
        Dag dag = new Dag(index.allStages());
        List<Stage> targetStages = resolveTargets(targets);
        List<Stage> plan = opts.singleItem() ? targetStages : dag.plan(targetStages, opts.downstream());
        List<String> ran = new ArrayList<>();
        List<String> restored = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Stage stage : plan) {
            Outcome outcome = stage instanceof PipelineStage p
                    ? reproduce(p, opts)
                    : verifyDataSource((DvcFileStage) stage, opts);
            String name = repo.display(stage.addressing());
            switch (outcome) {
                case RAN -> ran.add(name);
                case RESTORED -> restored.add(name);
                default -> unchanged.add(name);
            }
        }
        if (!opts.dryRun()) {
            log(
                    ran.isEmpty() && restored.isEmpty()
                            ? StatusReport.UP_TO_DATE
                            : "Use `mvn dvc:push` (or `dvc push`) to send your updates to remote storage.");
        }
        return new ReproResult(ran, restored, unchanged, opts.dryRun() ? List.of() : scm.finish());
    }

    private enum Outcome {
        RAN,
        RESTORED,
        UNCHANGED
    }

    private List<Stage> resolveTargets(List<String> targets) {
        TargetResolver resolver = new TargetResolver(repo, index);
        List<Stage> out = new ArrayList<>();
        if (targets == null || targets.isEmpty()) {
            String file = resolver.defaultDvcYaml();
            for (DvcYamlFormat.PipelineFile pf : index.pipelines()) {
                if (pf.path().equals(file)) {
                    out.addAll(pf.stages());
                }
            }
            if (out.isEmpty()) {
                boolean exists = Files.exists(repo.root().resolve(file));
                throw new DvcException(
                        exists ? "'" + file + "' has no stages" : "'" + repo.display(file) + "' does not exist",
                        "run from the directory of your dvc.yaml, or name stages with -Ddvc.targets=train,eval");
            }
            return out;
        }
        for (String t : targets) {
            for (Stage s : resolver.stagesFor(t)) {
                if (!out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private void log(String message) {
        repo.listener().log(Level.INFO, message);
    }

    private LockFileFormat.LockFile lockFile(PipelineStage s) {
        return locks.computeIfAbsent(s.dvcfile(), f -> index.lockFor(f));
    }

    private LockFileFormat.LockEntry lockEntry(PipelineStage s) {
        return lockFile(s).stages().get(s.name());
    }

    /**
     * dvc's {@code Stage.reproduce} under its rwlock: the deps registered as read and the outs as
     * written for the whole check, run and commit, so a second repro (ours or dvc's) of this stage, or of
     * one reading its outputs, is refused while this one runs (the repository lock is released meanwhile).
     */
    private Outcome reproduce(PipelineStage s, ReproOptions opts) {
        if (opts.dryRun()) {
            return reproduceLocked(s, opts);
        }
        try (RwLock held =
                RwLock.acquire(repo.dvcDir(), s.depPaths(repo.root()), s.outPaths(repo.root()), repo.listener())) {
            return reproduceLocked(s, opts);
        }
    }

    private Outcome reproduceLocked(PipelineStage s, ReproOptions opts) {
        LockFileFormat.LockEntry lock = lockEntry(s);
        if (s.frozen()) {
            repo.listener()
                    .log(
                            Level.WARN,
                            "stage '" + s.addressing() + "' is frozen. Its dependencies are not going"
                                    + " to be reproduced.");
        }
        PipelineStatus status = new PipelineStatus(repo, ws, params);
        if (!opts.force() && status.status(s, lock).isEmpty()) {
            log("Stage '" + s.addressing() + "' didn't change, skipping");
            return Outcome.UNCHANGED;
        }
        if (s.frozen()) {
            if (!opts.dryRun()) {
                log("Verifying outputs in frozen stage: '" + s.addressing() + "'");
                record(s, committer.hashDeps(s), false);
            }
            return Outcome.RAN;
        }
        if (opts.dryRun()) {
            log("Running stage '" + s.addressing() + "':");
            s.commands().forEach(c -> log("> " + c));
            return Outcome.RAN;
        }
        removeOutputs(s);
        List<Output> depsBefore = committer.hashDeps(s);
        if (!opts.force() && restore(s, lock, depsBefore, opts.noRunCache())) {
            return Outcome.RESTORED;
        }
        log("Running stage '" + s.addressing() + "':");
        CommandRunner runner = new CommandRunner(repo);
        repo.unlocked(() -> {
            for (String command : s.commands()) {
                log("> " + command);
                runner.run(s, command);
            }
        });
        checkDepsUnchanged(s, depsBefore);
        record(s, depsBefore, true);
        return Outcome.RAN;
    }

    /** Saves outputs, writes the lock entry and, when allowed, the run-cache entry. */
    private void record(PipelineStage s, List<Output> deps, boolean saveRunCache) {
        Map<String, Map<String, Object>> values = committer.paramValues(s);
        List<Output> outs = committer.saveOuts(s);
        Map<String, Object> entry = StageCommitter.lockEntry(s, deps, values, outs);
        if (saveRunCache && RunCache.saveable(s)) {
            // like dvc, uncached metrics and plots still go into the cache, so a restore can bring them back
            for (Output o : outs) {
                if (!o.cache()) {
                    ws.storeCopy(o);
                }
            }
            runCache.save(entry);
        }
        writeLock(s, entry);
    }

    private void writeLock(PipelineStage s, Map<String, Object> entry) {
        Map<PipelineStage, Map<String, Object>> update = new LinkedHashMap<>();
        update.put(s, entry);
        lockFile(s);
        locks.putAll(committer.writeLock(locks::get, update));
    }

    /**
     * Unchanged command and dependencies whose outputs are only missing: restored from the lock. Otherwise
     * a run-cache entry for exactly these deps and params: restored from it. True when restored.
     */
    private boolean restore(PipelineStage s, LockFileFormat.LockEntry lock, List<Output> deps, boolean noRunCache) {
        if (!RunCache.eligible(s)) {
            return false;
        }
        Map<String, Map<String, Object>> values = committer.paramValues(s);
        Map<String, Object> probe = StageCommitter.lockEntry(s, deps, values, s.outs());
        LockFileFormat.LockEntry source = null;
        if (lock != null
                && PyValues.equal(lock.cmd(), s.cmd())
                && sameDeps(lock, deps, values)
                && s.outs().stream()
                        .allMatch(o -> lock.out(o.defPath()) != null
                                && lock.out(o.defPath()).hash() != null)) {
            source = lock;
        } else if (!noRunCache) {
            source = runCache.lookup(probe);
        }
        if (source == null) {
            return false;
        }
        List<Output> outs = new ArrayList<>();
        for (Output o : s.outs()) {
            LockFileFormat.LockItem item = source.out(o.defPath());
            if (item == null || item.hash() == null) {
                return false;
            }
            // uncached metrics and plots are in the cache too once a run was saved (see record)
            if (!ws.cacheComplete(item.hash())) {
                return false;
            }
            outs.add(o.withHash(item.hash(), item.meta()));
        }
        log("Stage '" + s.addressing() + "' is cached - skipping run, checking out outputs");
        CheckoutOperation checkout = new CheckoutOperation(repo);
        checkout.checkout(outs.stream().filter(Output::cache).toList(), true, false);
        checkout.checkoutCopies(outs.stream().filter(o -> !o.cache()).toList());
        record(s, deps, true);
        return true;
    }

    private static boolean sameDeps(
            LockFileFormat.LockEntry lock, List<Output> deps, Map<String, Map<String, Object>> values) {
        if (lock.deps().size() != deps.size()) {
            return false;
        }
        for (Output d : deps) {
            LockFileFormat.LockItem item = lock.dep(d.defPath());
            if (item == null
                    || item.hash() == null
                    || !item.hash().value().equals(d.hash().value())) {
                return false;
            }
        }
        return PyValues.equal(lock.params(), values);
    }

    private void removeOutputs(PipelineStage s) {
        for (Output o : s.outs()) {
            Path p = repo.root().resolve(o.repoPath());
            try {
                if (o.persist()) {
                    if (Files.exists(p)) {
                        Unprotect.tree(p);
                    }
                } else {
                    FileTrees.deleteRecursively(p);
                }
            } catch (IOException e) {
                throw new DvcException(
                        "cannot remove output '" + repo.display(o.repoPath()) + "' of stage '" + s.addressing() + "': "
                                + e.getMessage(),
                        null,
                        e);
            }
        }
    }

    /** dvc hashes dependencies after the run; we compare: a stage must not change its own inputs. */
    private void checkDepsUnchanged(PipelineStage s, List<Output> before) {
        List<Output> after = committer.hashDeps(s);
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).hash().equals(after.get(i).hash())) {
                throw new DvcException(
                        "failed to reproduce '" + s.addressing() + "': dependency '"
                                + repo.display(before.get(i).repoPath()) + "' changed while the stage was running",
                        "a stage must not write its own inputs; declare that file as an output instead");
            }
        }
    }

    /** .dvc data sources in the graph: verified, and re-saved when their data changed. */
    private Outcome verifyDataSource(DvcFileStage d, ReproOptions opts) {
        boolean changed = false;
        for (Output o : d.outs()) {
            changed |= ws.status(o) != null;
        }
        if (!changed && !opts.force()) {
            log("'" + repo.display(d.addressing()) + "' didn't change, skipping");
            return Outcome.UNCHANGED;
        }
        if (opts.dryRun()) {
            return Outcome.RAN;
        }
        log("Verifying data sources in stage: '" + repo.display(d.addressing()) + "'");
        List<Output> saved = new ArrayList<>();
        for (Output o : d.outs()) {
            saved.add(ws.save(o, scm, true));
        }
        DvcFiles.write(repo, d.withOuts(saved), scm);
        return Outcome.RAN;
    }
}
