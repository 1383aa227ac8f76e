package io.github.dvcmaven.core.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * How a front end opens a repository: its listener, the directory relative paths are resolved and
 * printed against, the environment (config locations, credentials), parallelism, whether committed
 * credentials fail, and remote options from the front end (e.g. Maven settings.xml servers) that take
 * precedence over every dvc config file.
 */
public record RepoOptions(
        RepoListener listener,
        Path cwd,
        Map<String, String> env,
        int jobs,
        boolean strictSecrets,
        Map<String, Map<String, Object>> remoteOverrides,
        boolean waitForLock,
        Map<String, HttpProxy> proxies) {
    /** Silent, the JVM's working directory and environment, default parallelism, lock wait 3 s. */
    public static RepoOptions defaults() {
        return new RepoOptions(
                RepoListener.SILENT,
                Path.of("").toAbsolutePath(),
                System.getenv(),
                0,
                false,
                Map.of(),
                false,
                Map.of());
    }

    /** Proxies by URL scheme ("http", "https") for the cloud remotes' clients. */
    public RepoOptions withProxies(Map<String, HttpProxy> p) {
        return new RepoOptions(listener, cwd, env, jobs, strictSecrets, remoteOverrides, waitForLock, Map.copyOf(p));
    }

    /** Wait for the repository lock as long as another process holds it (dvc's --wait-for-lock), instead of 3 s. */
    public RepoOptions withWaitForLock(boolean wait) {
        return new RepoOptions(listener, cwd, env, jobs, strictSecrets, remoteOverrides, wait, proxies);
    }

    /** Where messages and progress go. */
    public RepoOptions withListener(RepoListener l) {
        return new RepoOptions(l, cwd, env, jobs, strictSecrets, remoteOverrides, waitForLock, proxies);
    }

    /** The directory relative targets are resolved and paths printed against. */
    public RepoOptions withCwd(Path dir) {
        return new RepoOptions(
                listener,
                dir.toAbsolutePath().normalize(),
                env,
                jobs,
                strictSecrets,
                remoteOverrides,
                waitForLock,
                proxies);
    }

    /** The environment (config locations such as {@code DVC_GLOBAL_CONFIG_DIR}, credentials). */
    public RepoOptions withEnv(Map<String, String> e) {
        return new RepoOptions(listener, cwd, e, jobs, strictSecrets, remoteOverrides, waitForLock, proxies);
    }

    /** Parallel transfers and hashing threads (0: dvc's default for the remote). */
    public RepoOptions withJobs(int j) {
        return new RepoOptions(listener, cwd, env, j, strictSecrets, remoteOverrides, waitForLock, proxies);
    }

    /** Fail, instead of warning, when the committed .dvc/config holds credentials. */
    public RepoOptions withStrictSecrets(boolean strict) {
        return new RepoOptions(listener, cwd, env, jobs, strict, remoteOverrides, waitForLock, proxies);
    }

    /** Options per remote name (lower case) laid over what the dvc config files say. */
    public RepoOptions withRemoteOverrides(Map<String, Map<String, Object>> overrides) {
        return new RepoOptions(listener, cwd, env, jobs, strictSecrets, Map.copyOf(overrides), waitForLock, proxies);
    }
}
