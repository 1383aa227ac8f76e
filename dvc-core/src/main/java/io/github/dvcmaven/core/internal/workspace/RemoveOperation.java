package io.github.dvcmaven.core.internal.workspace;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.format.DvcYamlFormat;
import io.github.dvcmaven.core.internal.format.LockFileFormat;
import io.github.dvcmaven.core.internal.format.StageRemoval;
import io.github.dvcmaven.core.internal.fs.AtomicWrite;
import io.github.dvcmaven.core.internal.fs.FileTrees;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.PipelineStage;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.ScmContext;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import io.github.dvcmaven.core.internal.repo.TargetResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dvc remove}: deletes pointer files and their .gitignore entries; the data stays in the
 * workspace and in the cache (as dvc does), unless {@code --outs} asks to delete the workspace copies.
 * A stage name that only dvc.lock still has removes that lock entry.
 */
public final class RemoveOperation {
    private final RepoContext repo;

    public RemoveOperation(RepoContext repo) {
        this.repo = repo;
    }

    public List<String> run(List<String> targets, boolean removeOutputs) {
        if (targets.isEmpty()) {
            throw new DvcException("nothing to remove", "name the .dvc files with -Ddvc.targets");
        }
        StageIndex index = repo.index();
        ScmContext scm = new ScmContext(repo);
        List<String> removed = new ArrayList<>();
        for (String target : targets) {
            if (removeLockEntry(index, target, scm)) {
                removed.add(target);
                continue;
            }
            if (removePipelineStage(index, target, scm, removeOutputs)) {
                removed.add(target);
                continue;
            }
            String rel = repo.toRepoPath(target);
            DvcFileStage stage = index.dvcFile(rel.endsWith(".dvc") ? rel : rel + ".dvc");
            if (stage == null) {
                throw new DvcException(
                        "'" + target + "' is neither a .dvc file nor a stage of a dvc.yaml",
                        "name the pointer file (data.dvc) or the stage (train, or sub/dvc.yaml:train)");
            }
            dropOutputs(stage.outs(), scm, removeOutputs);
            Path file = repo.root().resolve(stage.file());
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new DvcException(
                        "cannot delete '" + repo.display(stage.file()) + "': " + e.getMessage(), null, e);
            }
            scm.track(file);
            removed.add(repo.display(stage.file()));
        }
        scm.finish();
        return removed;
    }

    /** {@code [dvc.yaml path, stage name]} of a target: {@code path/dvc.yaml:name}, or a name in the cwd's dvc.yaml. */
    private String[] address(StageIndex index, String target) {
        int colon = target.lastIndexOf(':');
        return colon > 0
                ? new String[] {repo.toRepoPath(target.substring(0, colon)), target.substring(colon + 1)}
                : new String[] {new TargetResolver(repo, index).defaultDvcYaml(), target};
    }

    /** The file's new text, or (null) its deletion, as dvc drops a stage file or lock left empty. */
    private void writeOrDelete(Path file, String text, String shown, ScmContext scm) {
        try {
            if (text == null) {
                Files.deleteIfExists(file);
            } else {
                AtomicWrite.writeString(file, text);
            }
        } catch (IOException e) {
            throw new DvcException("cannot write '" + repo.display(shown) + "': " + e.getMessage(), null, e);
        }
        scm.track(file);
    }

    private void dropOutputs(List<Output> outs, ScmContext scm, boolean removeOutputs) {
        for (Output o : outs) {
            Path p = repo.root().resolve(o.repoPath());
            if (o.cache()) {
                scm.unignore(p);
            }
            if (removeOutputs) {
                try {
                    FileTrees.deleteRecursively(p);
                } catch (IOException e) {
                    throw new DvcException(
                            "cannot delete '" + repo.display(o.repoPath()) + "': " + e.getMessage(), null, e);
                }
            }
        }
    }

    /**
     * {@code dvc remove STAGE}: the stage leaves dvc.yaml (its other lines untouched; the file goes with
     * the last stage) and dvc.lock, its outputs leave .gitignore, and with {@code --outs} the workspace.
     */
    private boolean removePipelineStage(StageIndex index, String target, ScmContext scm, boolean removeOutputs) {
        String[] address = address(index, target);
        String file = address[0];
        String name = address[1];
        for (DvcYamlFormat.PipelineFile pf : index.pipelines()) {
            if (!pf.path().equals(file)) {
                continue;
            }
            if (name.contains("@")
                    && pf.stages().stream().anyMatch(s -> s.name().equals(name))) {
                throw new DvcException(
                        "'" + name + "' is one item of a foreach or matrix stage: dvc removes whole stages",
                        "remove '" + name.substring(0, name.indexOf('@')) + "', or edit its foreach/matrix");
            }
            List<PipelineStage> generated = pf.stages().stream()
                    .filter(s -> s.name().equals(name) || s.name().startsWith(name + "@"))
                    .toList();
            if (generated.isEmpty()) {
                return false;
            }
            Path yaml = repo.root().resolve(pf.path());
            String text;
            try {
                text = Files.readString(yaml);
            } catch (IOException e) {
                throw new DvcException("cannot read '" + repo.display(pf.path()) + "': " + e.getMessage(), null, e);
            }
            String kept = StageRemoval.remove(text, repo.display(pf.path()), List.of(name));
            LockFileFormat.LockFile lock = index.lockFor(pf.path());
            Path lockPath = repo.root().resolve(lock.path());
            List<String> lockNames = generated.stream()
                    .map(PipelineStage::name)
                    .filter(lock.stages()::containsKey)
                    .toList();
            writeOrDelete(yaml, kept, pf.path(), scm);
            if (!lockNames.isEmpty()) {
                writeOrDelete(lockPath, kept == null ? null : LockFileFormat.remove(lock, lockNames), lock.path(), scm);
            }
            for (PipelineStage s : generated) {
                dropOutputs(s.outs(), scm, removeOutputs);
            }
            return true;
        }
        return false;
    }

    /**
     * A target naming a stage that only dvc.lock still has (its stage was deleted from dvc.yaml by hand):
     * its lock entry goes, as {@code dvc remove} drops it with the stage; the file goes when it was the last.
     */
    private boolean removeLockEntry(StageIndex index, String target, ScmContext scm) {
        String[] address = address(index, target);
        String file = address[0];
        String name = address[1];
        for (DvcYamlFormat.PipelineFile pf : index.pipelines()) {
            LockFileFormat.LockFile lock = index.lockFor(pf.path());
            if (!pf.path().equals(file)
                    || !lock.stages().containsKey(name)
                    || pf.stages().stream().anyMatch(s -> s.name().equals(name))) {
                continue;
            }
            writeOrDelete(
                    repo.root().resolve(lock.path()), LockFileFormat.remove(lock, List.of(name)), lock.path(), scm);
            return true;
        }
        return false;
    }
}
