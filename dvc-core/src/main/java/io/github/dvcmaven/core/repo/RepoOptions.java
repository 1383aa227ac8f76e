package io.github.dvcmaven.core.repo;

import io.github.dvcmaven.core.event.RepoListener;
import java.nio.file.Path;
import java.util.Map;

/**
 * How a front end opens a repository: its listener, the directory relative paths are resolved and
 * printed against, the environment (config locations, credentials), and parallelism.
 */
public record RepoOptions(RepoListener listener, Path cwd, Map<String, String> env, int jobs, boolean strictSecrets) {
    public static RepoOptions defaults() {
        return new RepoOptions(RepoListener.SILENT, Path.of("").toAbsolutePath(), System.getenv(), 0, false);
    }

    public RepoOptions withListener(RepoListener l) {
        return new RepoOptions(l, cwd, env, jobs, strictSecrets);
    }

    public RepoOptions withCwd(Path dir) {
        return new RepoOptions(listener, dir.toAbsolutePath().normalize(), env, jobs, strictSecrets);
    }

    public RepoOptions withEnv(Map<String, String> e) {
        return new RepoOptions(listener, cwd, e, jobs, strictSecrets);
    }

    public RepoOptions withJobs(int j) {
        return new RepoOptions(listener, cwd, env, j, strictSecrets);
    }

    /** Fail, instead of warning, when the committed .dvc/config holds credentials. */
    public RepoOptions withStrictSecrets(boolean strict) {
        return new RepoOptions(listener, cwd, env, jobs, strict);
    }
}
