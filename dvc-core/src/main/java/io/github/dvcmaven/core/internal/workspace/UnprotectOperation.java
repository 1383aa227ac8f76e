package io.github.dvcmaven.core.internal.workspace;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code dvc unprotect}: turns linked, read-only workspace files into private writable copies. */
public final class UnprotectOperation {
    private final RepoContext repo;

    public UnprotectOperation(RepoContext repo) {
        this.repo = repo;
    }

    public List<String> run(List<String> targets) {
        if (targets.isEmpty()) {
            throw new DvcException("nothing to unprotect", "name the tracked files or directories with -Ddvc.targets");
        }
        List<String> done = new ArrayList<>();
        for (String target : targets) {
            Path path = repo.root().resolve(repo.toRepoPath(target));
            if (!Files.exists(path)) {
                throw new DvcException("'" + target + "' does not exist");
            }
            try {
                Unprotect.tree(path);
            } catch (IOException e) {
                throw new DvcException("cannot unprotect '" + target + "': " + e.getMessage(), null, e);
            }
            done.add(target);
        }
        return done;
    }
}
