package io.github.dvcmaven.core.internal.repo;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.format.DvcFileFormat;
import io.github.dvcmaven.core.internal.fs.AtomicWrite;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import java.io.IOException;
import java.nio.file.Path;

/** Writes .dvc files atomically and records them for git. */
public final class DvcFiles {
    private DvcFiles() {}

    public static void write(RepoContext repo, DvcFileStage stage, ScmContext scm) {
        Path file = repo.root().resolve(stage.file());
        try {
            AtomicWrite.writeString(file, DvcFileFormat.write(stage));
        } catch (IOException e) {
            throw new DvcException("cannot write '" + repo.display(stage.file()) + "': " + e.getMessage(), null, e);
        }
        scm.track(file);
    }
}
