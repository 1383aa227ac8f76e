package io.github.dvcmaven.core.internal.remote;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HttpProxy;
import java.util.Map;

/** Cloud remotes by URL scheme. */
final class RemoteProviders {
    private RemoteProviders() {}

    static Remote open(
            String scheme,
            String name,
            String url,
            Map<String, Object> options,
            Map<String, String> env,
            Map<String, HttpProxy> proxies) {
        if (scheme.equals("s3")) {
            return new S3Remote(name, url, options, env, proxies);
        }
        if (scheme.equals("gs") || scheme.equals("gcs")) {
            return new GcsRemote(name, url, options, env, proxies);
        }
        if (scheme.equals("azure") || scheme.equals("az")) {
            return new AzureRemote(name, url, options, env, proxies);
        }
        throw new DvcException(
                "remote '" + name + "' uses '" + scheme + "://', which dvc-maven does not support yet",
                "supported: local paths, s3://, gs://, azure://");
    }
}
