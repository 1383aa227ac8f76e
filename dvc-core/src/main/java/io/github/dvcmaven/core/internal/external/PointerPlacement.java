package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import io.github.dvcmaven.core.internal.pipeline.Stage;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import java.nio.file.Files;

/** Where an import's output and pointer go, and the overlaps dvc refuses, for both kinds of import. */
final class PointerPlacement {
    private PointerPlacement() {}

    /** {@code -o} as a repository path: the source's name, or inside {@code out} when that is a directory. */
    static String outPath(RepoContext repo, String requested, String name) {
        if (requested == null || requested.isBlank()) {
            return repo.toRepoPath(name);
        }
        String out = repo.toRepoPath(requested);
        if (Files.isDirectory(repo.root().resolve(out)) && repo.index().ownerOf(out) == null) {
            return out.isEmpty() ? name : out + "/" + name;
        }
        if (out.isEmpty()) {
            throw new DvcException("cannot import into the repository root itself", "name a path with -Ddvc.out");
        }
        return out;
    }

    static void refuseOverlaps(RepoContext repo, String out, String file, boolean force) {
        StageIndex index = repo.index();
        Stage owner = index.ownerOf(out);
        boolean samePointer = owner instanceof DvcFileStage d && d.file().equals(file);
        if (owner != null && !samePointer) {
            throw new DvcException(
                    "cannot import to '" + repo.display(out) + "': it overlaps with an output of '"
                            + repo.display(owner.addressing()) + "'",
                    "import to another path with -Ddvc.out=PATH");
        }
        if (!index.outputsWithin(out).isEmpty()) {
            throw new DvcException(
                    "cannot import to '" + repo.display(out) + "': it contains tracked outputs",
                    "import to another path with -Ddvc.out=PATH");
        }
        if (!force && (samePointer || Files.exists(repo.root().resolve(file)))) {
            throw new DvcException(
                    "'" + repo.display(file) + "' already exists",
                    "update it with `mvn dvc:update -Ddvc.targets=" + repo.display(file)
                            + "`, or replace it with -Ddvc.force=true");
        }
        if (!force && Files.exists(repo.root().resolve(out)) && !samePointer) {
            throw new DvcException(
                    "'" + repo.display(out) + "' already exists in the workspace",
                    "move it away, or overwrite it with -Ddvc.force=true");
        }
    }
}
