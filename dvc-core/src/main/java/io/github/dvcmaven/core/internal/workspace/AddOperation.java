package io.github.dvcmaven.core.internal.workspace;

import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.AddResult;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.hash.ContentHasher;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.PipelineStage;
import io.github.dvcmaven.core.internal.pipeline.Stage;
import io.github.dvcmaven.core.internal.repo.DvcFiles;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.ScmContext;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code dvc add}: for each target a {@code <name>.dvc} pointer beside it, the content saved to the cache
 * and the path git-ignored. Re-adding a tracked path updates its pointer; a path inside a tracked
 * directory re-adds that directory.
 */
public final class AddOperation {
    private final RepoContext repo;

    public AddOperation(RepoContext repo) {
        this.repo = repo;
    }

    /**
     * The targets to add, globs expanded. Big files named directly start being hashed at once, before the
     * lock: that only reads (see {@link ContentHasher#hashAhead}).
     */
    public List<String> prepare(List<String> targets, AddOptions opts) {
        List<String> expanded = opts.glob() ? expand(targets) : targets;
        if (expanded.isEmpty()) {
            throw new DvcException("nothing to add", "name the files or directories with -Ddvc.targets=a,b");
        }
        for (Path file : namedFiles(expanded)) {
            repo.hasher().hashAhead(file, HashInfo.MD5);
        }
        return expanded;
    }

    /**
     * Adds the prepared targets; the caller holds the lock. The big files go on into the cache at once,
     * without waiting for the state database and the stage files.
     */
    public AddResult run(List<String> expanded, AddOptions opts) {
        OutputWorkspace ws = new OutputWorkspace(repo);
        for (Path file : namedFiles(expanded)) {
            ws.readAhead(file, !opts.noCommit());
        }
        return addAll(expanded, ws, opts);
    }

    private List<Path> namedFiles(List<String> targets) {
        List<Path> files = new ArrayList<>();
        for (String target : targets) {
            try {
                String rel = repo.toRepoPath(target);
                if (!rel.isEmpty() && !rel.endsWith(".dvc")) {
                    files.add(repo.root().resolve(rel));
                }
            } catch (DvcException e) {
                // reported in order by addAll
            }
        }
        return files;
    }

    private AddResult addAll(List<String> expanded, OutputWorkspace ws, AddOptions opts) {
        repo.openGitInBackground();
        StageIndex index = repo.index();
        ScmContext scm = new ScmContext(repo);
        List<String> written = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String target : expanded) {
            String rel = repo.toRepoPath(target);
            if (rel.isEmpty()) {
                throw new DvcException("cannot add the repository root itself", "add its data directories instead");
            }
            Path path = repo.root().resolve(rel);
            if (!Files.exists(path)) {
                throw new DvcException(
                        "'" + target + "' does not exist",
                        "check the path (relative to " + repo.options().cwd() + ")");
            }
            if (rel.endsWith(".dvc")
                    || RepoPaths.name(rel).equals("dvc.yaml")
                    || RepoPaths.name(rel).equals("dvc.lock")) {
                throw new DvcException("'" + target + "' is a dvc file and cannot be tracked as data");
            }
            DvcFileStage stage = stageFor(index, rel, target);
            if (!seen.add(stage.file())) {
                continue;
            }
            List<Output> saved = new ArrayList<>();
            for (Output o : stage.outs()) {
                saved.add(ws.save(o, scm, !opts.noCommit()));
            }
            DvcFileStage updated = stage.withOuts(saved);
            DvcFiles.write(repo, updated, scm);
            written.add(repo.display(stage.file()));
        }
        return new AddResult(written, scm.finish());
    }

    private DvcFileStage stageFor(StageIndex index, String rel, String target) {
        Stage owner = index.ownerOf(rel);
        if (owner instanceof DvcFileStage data) {
            return data;
        }
        if (owner instanceof PipelineStage p) {
            throw new DvcException(
                    "cannot update '" + target + "': overlaps with an output of stage '" + p.name() + "' in '"
                            + p.dvcfile() + "'.",
                    "run the pipeline (`mvn dvc:repro`) or use `mvn dvc:commit` to" + " force update it");
        }
        List<Output> inside = index.outputsWithin(rel);
        if (!inside.isEmpty()) {
            Output o = inside.get(0);
            throw new DvcException(
                    "Cannot add '" + target + "', because it is overlapping with other DVC tracked output: '"
                            + repo.display(o.repoPath()) + "'.",
                    "run `mvn dvc:remove -Ddvc.targets="
                            + repo.display(index.ownerOf(o.repoPath()).addressing()) + "` and then add '" + target
                            + "' again");
        }
        String dir = RepoPaths.parent(rel);
        String name = RepoPaths.name(rel);
        String file = dir.isEmpty() ? name + ".dvc" : dir + "/" + name + ".dvc";
        Output out = new Output(name, rel, null, null, true, false, true, null, Output.Kind.OUT, Map.of());
        return new DvcFileStage(file, dir, List.of(out), List.of(), null, false, null, null, null);
    }

    /** Python glob semantics for the common cases: *, ?, [..] within a segment, ** across segments. */
    private List<String> expand(List<String> targets) {
        List<String> out = new ArrayList<>();
        for (String t : targets) {
            if (!t.contains("*") && !t.contains("?") && !t.contains("[")) {
                out.add(t);
                continue;
            }
            Path base = repo.options().cwd();
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + t);
            List<String> matches = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(base)) {
                walk.map(p -> base.relativize(p))
                        .filter(p -> !p.toString().isEmpty() && matcher.matches(p))
                        .filter(p ->
                                !p.toString().startsWith(".") && !p.toString().contains("/."))
                        .forEach(p -> matches.add(p.toString()));
            } catch (IOException e) {
                throw new DvcException("cannot expand '" + t + "': " + e.getMessage(), null, e);
            }
            if (matches.isEmpty()) {
                throw new DvcException("Cannot find any file matching '" + t + "'");
            }
            matches.sort(null);
            out.addAll(matches);
        }
        return out;
    }
}
