package io.github.dvcmaven.core.internal.status;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.MissingData;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.hash.DirManifest;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.Stage;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a status allowed to miss data checks what this checkout lacks, and what it tallies for the
 * summary. An absent dependency is proven through the hash chain: the hash the dependent stage's lock
 * entry records must be the one the producing stage's lock entry or the {@code .dvc} file records for
 * that path; for a path inside a tracked directory, the one the directory's {@code .dir} manifest gives
 * it (when the manifest is in the cache). No data is read.
 */
final class LocalDataAllowance {
    private final RepoContext repo;
    /** Every output's recorded hash by repo path (null hash: recorded nowhere). */
    private final Map<String, Output> recorded = new HashMap<>();

    private int outputs;
    private long outputBytes;
    private int proven;
    private final List<String> unchecked = new ArrayList<>();

    LocalDataAllowance(RepoContext repo, StageIndex index) {
        this.repo = repo;
        for (Stage s : index.allStages()) {
            for (Output o : s.outs()) {
                recorded.put(o.repoPath(), index.recorded(s, o));
            }
        }
    }

    /** Whether some stage or pointer has this path among its outputs (or a tracked directory holds it). */
    boolean isProduced(String repoPath) {
        return producerOf(repoPath) != null;
    }

    private Output producerOf(String repoPath) {
        for (String p = repoPath; ; p = RepoPaths.parent(p)) {
            Output o = recorded.get(p);
            if (o != null) {
                return o;
            }
            if (p.isEmpty()) {
                return null;
            }
        }
    }

    /**
     * An absent dependency with a recorded hash: true when proven or when nothing here can prove it
     * (tallied as unchecked, as dvc lets it pass), false when the producer records another hash.
     */
    boolean proveAbsentDep(Output dep, String display) {
        Output producer = producerOf(dep.repoPath());
        if (producer == null) {
            uncheckedDep(display);
            return true;
        }
        if (producer.hash() == null) {
            // the producer never recorded this output: its own stage reports that
            return false;
        }
        HashInfo expected;
        if (producer.repoPath().equals(dep.repoPath())) {
            expected = producer.hash();
        } else {
            expected = memberHash(producer, RepoPaths.relativize(producer.repoPath(), dep.repoPath()));
            if (expected == null) {
                uncheckedDep(display);
                return true;
            }
        }
        if (!expected.value().equals(dep.hash().value())) {
            return false;
        }
        proven++;
        return true;
    }

    /** The hash a tracked directory's manifest gives a file or subdirectory in it; null when unknown here. */
    private HashInfo memberHash(Output dir, String rel) {
        if (!dir.isDirHash() || !repo.cache().exists(dir.hash())) {
            return null;
        }
        DirManifest manifest;
        try {
            manifest = repo.cache().loadDir(dir.hash());
        } catch (DvcException e) {
            return null;
        }
        List<DirManifest.Entry> below = new ArrayList<>();
        for (DirManifest.Entry e : manifest.entries()) {
            if (e.relpath().equals(rel)) {
                return HashInfo.md5(e.md5());
            }
            if (e.relpath().startsWith(rel + "/")) {
                below.add(new DirManifest.Entry(e.relpath().substring(rel.length() + 1), e.md5()));
            }
        }
        // a path the manifest does not have is "deleted" there: no hash to match
        return below.isEmpty() ? HashInfo.md5("") : new DirManifest(below).hash();
    }

    void missingOutput(Output o) {
        outputs++;
        if (o.meta().size() != null) {
            outputBytes += o.meta().size();
        }
    }

    void uncheckedDep(String display) {
        unchecked.add(display);
    }

    MissingData summary() {
        return new MissingData(outputs, outputBytes, proven, unchecked);
    }
}
