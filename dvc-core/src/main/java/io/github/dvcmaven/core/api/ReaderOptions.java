package io.github.dvcmaven.core.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link RepoReader} reads: the environment, proxies, listener and remote overrides of
 * {@link RepoOptions} (credentials come from the same chains as the goals), the source's remote to use,
 * and a dvc cache directory to keep what it downloads.
 *
 * @param base listener, working directory (for relative paths), environment, parallelism, proxies and
 *     remote overrides (e.g. Maven settings.xml servers, by remote name)
 * @param remote the source repository's remote to read from; null: its default
 * @param cacheDir a dvc cache to read from and keep downloads in (a machine-wide one, or a repository's
 *     {@code .dvc/cache}); null: nothing is kept, streams come straight from the remote
 */
public record ReaderOptions(RepoOptions base, String remote, Path cacheDir) {
    public ReaderOptions {
        Objects.requireNonNull(base, "base");
    }

    /** {@link RepoOptions#defaults()}, the default remote, no cache kept. */
    public static ReaderOptions defaults() {
        return new ReaderOptions(RepoOptions.defaults(), null, null);
    }

    /** Listener, environment, proxies and remote overrides to use. */
    public ReaderOptions withBase(RepoOptions value) {
        return new ReaderOptions(value, remote, cacheDir);
    }

    /** The source's remote to read from ({@code remote=} of {@code dvc.api}). */
    public ReaderOptions withRemote(String value) {
        return new ReaderOptions(base, value, cacheDir);
    }

    /** A dvc cache directory to read from and keep downloads in. */
    public ReaderOptions withCacheDir(Path value) {
        return new ReaderOptions(base, remote, value);
    }
}
