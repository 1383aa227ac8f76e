package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.remote.Remotes;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Opens the {@link UrlSource} an {@code import-url}/{@code get-url} URL names: a local path, {@code
 * s3://}, {@code gs://}, {@code azure://}, or {@code remote://NAME/path} against a configured remote.
 * Its {@code fs_config} options are checked as a remote's options are; anything else is refused.
 */
public final class UrlLocations {
    private static final Set<String> BUCKETS = Set.of("s3", "gs", "azure");

    private UrlLocations() {}

    /**
     * @param base where a relative local path starts
     * @param remotes the options of a configured remote by name (with overrides), or null outside a repo
     */
    static UrlSource open(
            String url,
            Map<String, Object> fsConfig,
            Path base,
            RepoOptions options,
            Function<String, Map<String, Object>> remotes) {
        if (url == null || url.isBlank()) {
            throw new DvcException("no URL given", "name it: -Ddvc.url=s3://bucket/data.csv");
        }
        int sep = url.indexOf("://");
        if (sep < 0) {
            return new LocalUrlSource(url, base.resolve(url).toAbsolutePath().normalize());
        }
        String scheme = url.substring(0, sep).toLowerCase(Locale.ROOT);
        if (scheme.equals("remote")) {
            return fromRemote(url, fsConfig, base, options, remotes);
        }
        if (scheme.equals("file")) {
            throw new DvcException(
                    "'" + url + "': file:// URLs are not read by dvc's import-url (it reports the path missing)",
                    "give the path itself: " + url.substring("file://".length()));
        }
        if (!BUCKETS.contains(scheme)) {
            throw new DvcException(
                    "'" + url + "': the scheme '" + scheme + "://' is not supported by dvc-maven's import-url",
                    "supported: local paths, s3://, gs://, azure://, remote://NAME/path");
        }
        Map<String, Object> remote = new LinkedHashMap<>(fsConfig);
        remote.put("name", url);
        return bucket(url, url, remote, options);
    }

    /** The URL's last segment: what an import or a download of it is named by default. */
    static String name(String url) {
        String u = url.replaceAll("/+$", "");
        int sep = u.indexOf("://");
        return RepoPaths.name(sep < 0 ? u : u.substring(sep + 3));
    }

    /** The object or prefix {@code target} names, read through a remote of its bucket with {@code opts}. */
    private static UrlSource bucket(String url, String target, Map<String, Object> opts, RepoOptions options) {
        int sep = target.indexOf("://");
        String scheme = target.substring(0, sep).toLowerCase(Locale.ROOT);
        String rest = target.substring(sep + 3);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
        if (bucket.isEmpty()) {
            throw new DvcException("'" + target + "' names no bucket", "use " + scheme + "://BUCKET/path");
        }
        Map<String, Object> remote = new LinkedHashMap<>(opts);
        remote.put("url", scheme + "://" + bucket);
        return new BucketUrlSource(url, Remotes.open(remote, options.env(), options.proxies()), key);
    }

    private static UrlSource fromRemote(
            String url,
            Map<String, Object> fsConfig,
            Path base,
            RepoOptions options,
            Function<String, Map<String, Object>> remotes) {
        if (remotes == null) {
            throw new DvcException("'" + url + "': remote:// URLs need a repository to name the remote");
        }
        if (!fsConfig.isEmpty()) {
            throw new DvcException(
                    "'" + url + "': --fs-config does not apply to a remote:// URL",
                    "set the options on the remote: `mvn dvc:remote -Ddvc.action=modify ...`");
        }
        String rest = url.substring("remote://".length());
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        String sub = slash < 0 ? "" : rest.substring(slash + 1);
        Map<String, Object> opts = new LinkedHashMap<>(remotes.apply(name));
        String target = String.valueOf(opts.get("url")).replaceAll("/+$", "") + (sub.isEmpty() ? "" : "/" + sub);
        int sep = target.indexOf("://");
        if (sep < 0) {
            return new LocalUrlSource(url, base.resolve(target).toAbsolutePath().normalize());
        }
        String scheme = target.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!BUCKETS.contains(scheme)) {
            return open(target, Map.of(), base, options, null);
        }
        return bucket(url, target, opts, options);
    }
}
