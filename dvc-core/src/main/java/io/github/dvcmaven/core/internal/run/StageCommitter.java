package io.github.dvcmaven.core.internal.run;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.internal.format.LockFileFormat;
import io.github.dvcmaven.core.internal.format.yaml.YamlReader;
import io.github.dvcmaven.core.internal.fs.AtomicWrite;
import io.github.dvcmaven.core.internal.hash.ContentHasher;
import io.github.dvcmaven.core.internal.params.ParamsReader;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.ParamsDep;
import io.github.dvcmaven.core.internal.pipeline.PipelineStage;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.ScmContext;
import io.github.dvcmaven.core.internal.workspace.OutputWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Records a pipeline stage as it now is: dependency hashes, parameter values, outputs saved to the cache,
 * and the lock entry written atomically (only that stage's entry changes).
 */
final class StageCommitter {
    private final RepoContext repo;
    private final ScmContext scm;
    private final OutputWorkspace ws;
    private final ParamsReader params;

    StageCommitter(RepoContext repo, ScmContext scm, OutputWorkspace ws, ParamsReader params) {
        this.repo = repo;
        this.scm = scm;
        this.ws = ws;
        this.params = params;
    }

    /** Each dependency with its current hash and meta. */
    List<Output> hashDeps(PipelineStage s) {
        List<Output> deps = new ArrayList<>();
        for (Output d : s.deps()) {
            Path p = repo.root().resolve(d.repoPath());
            if (!Files.exists(p)) {
                throw new DvcException(
                        "failed to reproduce '" + s.addressing() + "': dependency '" + repo.display(d.repoPath())
                                + "' does not exist",
                        "create it, or run the stage that produces it");
            }
            if (Files.isDirectory(p)) {
                ContentHasher.TreeHash tree = repo.hasher().hashDir(p, d.repoPath(), HashInfo.MD5);
                deps.add(d.withHash(tree.hash(), tree.meta()));
            } else {
                ContentHasher.FileHash f = repo.hasher().hashFile(p, HashInfo.MD5);
                deps.add(d.withHash(f.hash(), f.meta()));
            }
        }
        return deps;
    }

    Map<String, Map<String, Object>> paramValues(PipelineStage s) {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        for (ParamsDep p : s.params()) {
            values.put(p.defPath(), params.valuesForLock(p, s.addressing()));
        }
        return values;
    }

    /** Saves every output (to the cache unless {@code cache: false}). */
    List<Output> saveOuts(PipelineStage s) {
        List<Output> outs = new ArrayList<>();
        for (Output o : s.outs()) {
            if (!Files.exists(repo.root().resolve(o.repoPath()))) {
                throw new DvcException(
                        "failed to reproduce '" + s.addressing() + "': output '" + repo.display(o.repoPath())
                                + "' does not exist",
                        "the stage command must create every declared output");
            }
            outs.add(ws.save(o, scm, o.cache()));
        }
        return outs;
    }

    static Map<String, Object> lockEntry(
            PipelineStage s, List<Output> deps, Map<String, Map<String, Object>> params, List<Output> outs) {
        return LockFileFormat.entry(s.cmd(), deps, params, outs);
    }

    /**
     * Writes the stages' new lock entries into their dvc.lock files, logging as dvc does; {@code lockFor}
     * gives each dvc.yaml's current lock. Returns the lock files as written.
     */
    Map<String, LockFileFormat.LockFile> writeLock(
            Function<String, LockFileFormat.LockFile> lockFor, Map<PipelineStage, Map<String, Object>> entries) {
        Map<String, LockFileFormat.LockFile> written = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Object>>> byFile = new LinkedHashMap<>();
        for (Map.Entry<PipelineStage, Map<String, Object>> e : entries.entrySet()) {
            byFile.computeIfAbsent(e.getKey().dvcfile(), k -> new LinkedHashMap<>())
                    .put(e.getKey().name(), e.getValue());
        }
        for (Map.Entry<String, Map<String, Map<String, Object>>> f : byFile.entrySet()) {
            LockFileFormat.LockFile old = lockFor.apply(f.getKey());
            Path lockPath = repo.root().resolve(old.path());
            boolean exists = Files.exists(lockPath);
            String text = LockFileFormat.write(old, f.getValue());
            String previous = null;
            try {
                previous = exists ? Files.readString(lockPath) : null;
            } catch (IOException e) {
                previous = null;
            }
            if (!exists) {
                repo.listener().log(RepoListener.Level.INFO, "Generating lock file '" + repo.display(old.path()) + "'");
            } else if (!text.equals(previous)) {
                repo.listener().log(RepoListener.Level.INFO, "Updating lock file '" + repo.display(old.path()) + "'");
            }
            try {
                AtomicWrite.writeString(lockPath, text);
            } catch (IOException e) {
                throw new DvcException("cannot write '" + old.path() + "': " + e.getMessage(), null, e);
            }
            if (!text.equals(previous)) {
                scm.track(lockPath);
            }
            written.put(f.getKey(), LockFileFormat.read(YamlReader.parse(text, old.path(), true), old.path()));
        }
        return written;
    }
}
