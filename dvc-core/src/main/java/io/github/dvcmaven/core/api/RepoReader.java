package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.external.ExternalReader;
import io.github.dvcmaven.core.internal.external.ExternalRepo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A dvc repository read at one revision, as Python's {@code dvc.api} reads it: for JVM applications that
 * consume versioned data and models, with or without Maven.
 *
 * <pre>{@code
 * try (RepoReader registry = RepoReader.open("https://git.example.com/data-registry.git", "v1.4")) {
 *     try (InputStream model = registry.open("models/churn.pkl")) {
 *         load(model);                       // streamed from the remote, checked against its md5
 *     }
 *     String url = registry.getUrl("models/churn.pkl");   // s3://bucket/dvc/files/md5/ab/cdef...
 *     for (TrackedFile f : registry.list(ListOptions.of("data").withRecursive(true))) {
 *         System.out.println(f.path() + " " + f.size());
 *     }
 * }
 * }</pre>
 *
 * <p>The revision is resolved once, at {@link #open}: every read sees the same commit ({@link #commit()}).
 * A local directory is read in place (its own {@code config.local} credentials apply, and its cache is
 * used when it has the data); a git URL is cloned into a temporary directory, removed on {@link #close()}.
 * Thread-safe: reads may run concurrently.
 */
public final class RepoReader implements AutoCloseable {
    private final ExternalReader reader;

    private RepoReader(ExternalReader reader) {
        this.reader = reader;
    }

    /** The repository at {@code url} (a directory or a git URL) at {@code rev} (null: its HEAD). */
    public static RepoReader open(String url, String rev) {
        return open(url, rev, ReaderOptions.defaults());
    }

    /** {@link #open(String, String)} with the credentials, proxies, remote and cache of {@code opts}. */
    public static RepoReader open(String url, String rev, ReaderOptions opts) {
        ExternalRepo source =
                ExternalRepo.open(url, rev, opts.base().cwd(), opts.base().env());
        try {
            return new RepoReader(new ExternalReader(source, opts.cacheDir(), opts.base(), opts.remote()));
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** The url the repository was opened with. */
    public String url() {
        return reader.source().url();
    }

    /** The full SHA of the commit every read sees. */
    public String commit() {
        return reader.source().commit();
    }

    /**
     * {@code dvc.api.open}: the file's bytes as a stream, from a local cache or straight from the remote;
     * reading to the end fails with an {@link java.io.IOException} if they do not match the recorded md5.
     *
     * @throws DvcException if the path is not tracked there, is a directory, or its remote cannot be read
     */
    public InputStream open(String path) {
        return reader.open(path);
    }

    /** {@code dvc.api.read} in binary mode: the whole file, checked against its md5. */
    public byte[] read(String path) {
        return reader.read(path);
    }

    /** {@code dvc.api.read}: the whole file as UTF-8 text. */
    public String readString(String path) {
        return new String(read(path), StandardCharsets.UTF_8);
    }

    /**
     * {@code dvc.api.metrics_show()}: the values of every metrics file dvc.yaml names (stage metrics and
     * top-level ones, cached ones read from the cache or remote) merged into one mapping; a top-level key
     * two files share becomes {@code file:key}.
     *
     * @throws DvcException if a metrics file cannot be read or parsed
     */
    public Map<String, Object> metricsShow() {
        return reader.metricsShow(List.of());
    }

    /** {@code dvc.api.metrics_show(*targets)}: the named metrics files only. */
    public Map<String, Object> metricsShow(List<String> targets) {
        return reader.metricsShow(targets);
    }

    /**
     * {@code dvc.api.params_show()}: the params the stages use, the default params file and dvc.yaml's
     * top-level params files whole, merged as {@link #metricsShow()} merges.
     */
    public Map<String, Object> paramsShow() {
        return reader.paramsShow(List.of(), false);
    }

    /**
     * {@code dvc.api.params_show(*targets, deps=depsOnly)}: the named params files whole, or (none named)
     * with {@code depsOnly} only the keys stages depend on.
     */
    public Map<String, Object> paramsShow(List<String> targets, boolean depsOnly) {
        return reader.paramsShow(targets, depsOnly);
    }

    /** {@code dvc.api.get_url}: the URL of the file's object on the remote. */
    public String getUrl(String path) {
        return reader.url(path);
    }

    /** {@code dvc ls}: the entries of a directory, or the file itself, at this revision. */
    public List<TrackedFile> list(ListOptions opts) {
        return reader.list(opts.path(), opts.recursive(), opts.dvcOnly());
    }

    /** {@code dvc get}: the file or directory written to {@code dest} (which must not exist), hash-checked. */
    public void get(String path, Path dest) {
        reader.get(path, dest);
    }

    /** Closes the remote's client and removes the temporary clone and cache. */
    @Override
    public void close() {
        reader.close();
    }
}
