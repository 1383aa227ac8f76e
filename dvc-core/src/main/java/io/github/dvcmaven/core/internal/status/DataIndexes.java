package io.github.dvcmaven.core.internal.status;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.hash.ContentHasher;
import io.github.dvcmaven.core.internal.index.DataIndex;
import io.github.dvcmaven.core.internal.index.IndexEntry;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.Stage;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import io.github.dvcmaven.core.internal.repo.TargetResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data indexes dvc diffs: what a revision's stage files record for every cached output (a tracked
 * directory's files from its manifest in the cache), and what the workspace holds at those paths,
 * hashed. Keys are posix paths from the repo root.
 */
final class DataIndexes {
    private DataIndexes() {}

    /** Cached outputs by repo path, with the hash their pointer or lock entry records. */
    static Map<String, Output> cachedOutputs(StageIndex index) {
        Map<String, Output> out = new LinkedHashMap<>();
        for (Stage s : index.allStages()) {
            for (Output o : s.outs()) {
                if (o.cache()) {
                    out.put(o.repoPath(), index.recorded(s, o));
                }
            }
        }
        return out;
    }

    /** What the stage files record (dvc's {@code index.data["repo"]}). */
    static DataIndex committed(RepoContext repo, StageIndex index) {
        DataIndex data = new DataIndex(repo.cache()::loadDir);
        for (Output o : cachedOutputs(index).values()) {
            addParents(data, o.repoPath(), null);
            data.add(new IndexEntry(o.repoPath(), o.hash() != null && o.hash().isDir(), o.hash()));
        }
        return data;
    }

    /** What the workspace holds at the outputs' paths, hashed (dvc's {@code build_data_index(compute_hash=True)}). */
    static DataIndex workspace(RepoContext repo, StageIndex index) {
        DataIndex data = new DataIndex(h -> {
            throw new IllegalStateException("the workspace index lists its directories itself");
        });
        for (Output o : cachedOutputs(index).values()) {
            Path p = repo.root().resolve(o.repoPath());
            addParents(data, o.repoPath(), repo.root());
            if (!Files.exists(p)) {
                continue;
            }
            String algorithm = o.hashAlgorithm();
            if (!Files.isDirectory(p)) {
                data.add(IndexEntry.file(
                        o.repoPath(), repo.hasher().hashFile(p, algorithm).hash()));
                continue;
            }
            ContentHasher.TreeHash tree = repo.hasher().hashDir(p, o.repoPath(), algorithm);
            Set<String> dirs = new LinkedHashSet<>();
            for (ContentHasher.Member m : tree.members()) {
                String key = o.repoPath() + "/" + m.relpath();
                data.add(IndexEntry.file(key, new HashInfo(tree.hash().name(), m.md5())));
                for (String d = RepoPaths.parent(key); d.length() > o.repoPath().length(); d = RepoPaths.parent(d)) {
                    dirs.add(d);
                }
            }
            for (String d : dirs) {
                data.add(IndexEntry.dir(d, null));
                data.markLoaded(d);
            }
            data.add(IndexEntry.dir(o.repoPath(), tree.hash()));
            data.markLoaded(o.repoPath());
        }
        return data;
    }

    /** Plain directory nodes leading to an output (in the workspace only those that exist). */
    private static void addParents(DataIndex data, String key, Path workspace) {
        for (String d = RepoPaths.parent(key); !d.isEmpty(); d = RepoPaths.parent(d)) {
            if (data.get(d) == null && (workspace == null || Files.isDirectory(workspace.resolve(d)))) {
                data.add(IndexEntry.dir(d, null));
                data.markLoaded(d);
            }
        }
    }

    /** Whether the cache has an entry's object (a directory's {@code .dir}). */
    static boolean inCache(RepoContext repo, IndexEntry e) {
        return e.hash() != null && repo.cache().exists(e.hash());
    }

    /**
     * The keys targets select in an index (dvc's {@code targets_view(...).data_keys}): an output, or a
     * path inside a tracked directory, or the outputs of a named stage; every cached output without
     * targets. Targets this index does not know are added to {@code missing}.
     */
    static List<String> dataKeys(RepoContext repo, StageIndex index, List<String> targets, Set<String> missing) {
        Map<String, Output> outs = cachedOutputs(index);
        if (targets.isEmpty()) {
            return new ArrayList<>(outs.keySet());
        }
        List<String> keys = new ArrayList<>();
        for (String target : targets) {
            String rel = repo.toRepoPath(target);
            boolean found = false;
            for (String out : outs.keySet()) {
                if (RepoPaths.isWithin(rel, out) && !rel.isEmpty()) {
                    keys.add(rel);
                    found = true;
                    break;
                }
            }
            if (!found) {
                try {
                    for (Stage s : new TargetResolver(repo, index).stagesFor(target)) {
                        s.outs().stream().filter(Output::cache).forEach(o -> keys.add(o.repoPath()));
                        found = true;
                    }
                } catch (DvcException notAStage) {
                    // reported below when no revision has it
                }
            }
            if (!found) {
                missing.add(target);
            }
        }
        return keys;
    }
}
