package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import java.util.Map;
import java.util.Set;

/**
 * The source an import pointer names: {@code deps[0].path} and {@code deps[0].repo}'s url, rev,
 * rev_lock and remote. A key this tool does not honour ({@code config}) is refused, never ignored.
 */
public record ImportSource(String pointer, String path, String url, String rev, String revLock, String remote) {
    private static final Set<String> REPO_KEYS = Set.of("url", "rev", "rev_lock", "remote");

    public static ImportSource of(DvcFileStage stage) {
        if (stage.imports().size() != 1) {
            throw new DvcException("'" + stage.file() + "': an import has exactly one dependency, this one has "
                    + stage.imports().size());
        }
        Map<String, Object> dep = stage.imports().get(0);
        if (!(dep.get("repo") instanceof Map<?, ?> repo)) {
            throw new DvcException("'" + stage.file() + "': its dependency '" + dep.get("path")
                    + "' has no 'repo': it is an import-url pointer, not an import from a repository");
        }
        for (Object k : repo.keySet()) {
            if (!REPO_KEYS.contains(String.valueOf(k))) {
                throw new DvcException(
                        "'" + stage.file() + "': repo key '" + k + "' is not supported (supported: url, rev,"
                                + " rev_lock, remote)",
                        "re-import without --config, or use dvc for this pointer");
            }
        }
        Object url = repo.get("url");
        if (!(url instanceof String u) || u.isBlank() || !(dep.get("path") instanceof String p)) {
            throw new DvcException("'" + stage.file() + "': the import's repo has no url or its dependency no path");
        }
        return new ImportSource(
                stage.file(), p, u, str(repo.get("rev")), str(repo.get("rev_lock")), str(repo.get("remote")));
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    /** The source repository at {@code rev} (null: at {@code rev_lock}, else its HEAD). */
    public ExternalRepo open(RepoContext repo, String at) {
        return ExternalRepo.open(
                url,
                at,
                ImportOperation.base(repo, url, RepoPaths.parent(pointer)),
                repo.options().env());
    }

    /** The source repository at the commit the pointer is locked to. */
    public ExternalRepo openLocked(RepoContext repo) {
        if (revLock == null) {
            throw new DvcException(
                    "'" + pointer + "' has no rev_lock (written with --no-exec)",
                    "run `mvn dvc:update -Ddvc.targets=" + pointer + "` first");
        }
        return open(repo, revLock);
    }
}
