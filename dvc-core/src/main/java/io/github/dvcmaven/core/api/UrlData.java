package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.external.UrlGet;
import java.nio.file.Path;
import java.util.Map;

/**
 * Data at a URL outside any repository: {@code dvc get-url}. The URL is a local path, {@code s3://},
 * {@code gs://} or {@code azure://}; credentials come from the environment and the clouds' default
 * chains, storage options such as {@code endpointurl} from {@code fsConfig}.
 */
public final class UrlData {
    private UrlData() {}

    /**
     * Downloads {@code url} to {@code out} (relative to the options' working directory; null: the URL's
     * last segment there; an existing directory: inside it) and returns the path written. The file or
     * tree appears whole or not at all.
     */
    public static Path get(String url, String out, Map<String, String> fsConfig, RepoOptions options) {
        return UrlGet.get(url, out, fsConfig, options);
    }
}
