package io.github.dvcmaven.core.repo;

import io.github.dvcmaven.core.format.LockFileFormat;
import io.github.dvcmaven.core.hash.HashInfo;
import io.github.dvcmaven.core.pipeline.Output;
import io.github.dvcmaven.core.pipeline.ParamsDep;
import io.github.dvcmaven.core.pipeline.PipelineStage;
import io.github.dvcmaven.core.py.PyValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dvc's "changed?" rules for a dvc.yaml stage against its lock entry: changed deps (files and params),
 * changed outs, always changed, changed command. Returns dvc's status structure (empty when clean).
 */
final class PipelineStatus {
    private final Repo repo;
    private final OutputWorkspace ws;
    private final ParamsReader params;

    PipelineStatus(Repo repo, OutputWorkspace ws, ParamsReader params) {
        this.repo = repo;
        this.ws = ws;
        this.params = params;
    }

    /** An output with the hash its lock entry records (none when the stage never ran). */
    static Output withLock(Output o, LockFileFormat.LockEntry lock) {
        LockFileFormat.LockItem item = lock == null ? null
                : o.kind() == Output.Kind.DEP ? lock.dep(o.defPath()) : lock.out(o.defPath());
        return item == null ? o : o.withHash(item.hash(), item.meta());
    }

    List<Object> status(PipelineStage s, LockFileFormat.LockEntry lock) {
        List<Object> entries = new ArrayList<>();
        if (!s.frozen()) {
            Map<String, Object> deps = depsStatus(s, lock);
            if (!deps.isEmpty()) {
                entries.add(Map.of("changed deps", deps));
            }
        }
        Map<String, Object> outs = new LinkedHashMap<>();
        for (Output o : s.outs()) {
            String st = ws.status(withLock(o, lock));
            if (st != null) {
                outs.put(repo.display(o.repoPath()), st);
            }
        }
        if (!outs.isEmpty()) {
            entries.add(Map.of("changed outs", outs));
        }
        if (s.alwaysChanged() || s.isCallback()) {
            entries.add("always changed");
        }
        if (lock != null && !PyValues.equal(lock.cmd(), s.cmd())) {
            entries.add("changed command");
        }
        return entries;
    }

    Map<String, Object> depsStatus(PipelineStage s, LockFileFormat.LockEntry lock) {
        Map<String, Object> deps = new LinkedHashMap<>();
        for (Output d : s.deps()) {
            String st = depStatus(withLock(d, lock));
            if (st != null) {
                deps.put(repo.display(d.repoPath()), st);
            }
        }
        for (ParamsDep p : s.params()) {
            Object st = paramsStatus(p, lock);
            if (st != null) {
                deps.put(repo.display(p.repoPath()), st);
            }
        }
        return deps;
    }

    String depStatus(Output d) {
        Path p = repo.root().resolve(d.repoPath());
        if (!Files.exists(p)) {
            return "deleted";
        }
        if (d.hash() == null) {
            return "modified";
        }
        HashInfo current = ws.currentHash(d);
        return current.value().equals(d.hash().value()) ? null : "modified";
    }

    /** "deleted", "new", or key → status for the keys that differ; null when unchanged. */
    Object paramsStatus(ParamsDep p, LockFileFormat.LockEntry lock) {
        if (!params.exists(p)) {
            return "deleted";
        }
        Map<String, Object> recorded = lock == null ? null : lock.params().get(p.defPath());
        if (recorded == null) {
            return "new";
        }
        Map<String, Object> actual = params.values(p);
        Set<String> keys = new LinkedHashSet<>();
        if (p.wholeFile()) {
            keys.addAll(actual.keySet());
            keys.addAll(recorded.keySet());
        } else {
            keys.addAll(p.keys());
        }
        Map<String, String> changed = new LinkedHashMap<>();
        for (String k : keys) {
            if (!actual.containsKey(k)) {
                changed.put(k, "deleted");
            } else if (!recorded.containsKey(k)) {
                changed.put(k, "new");
            } else if (!PyValues.equal(actual.get(k), recorded.get(k))) {
                changed.put(k, "modified");
            }
        }
        return changed.isEmpty() ? null : changed;
    }
}
