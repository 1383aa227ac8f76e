package io.github.dvcmaven.core.internal.remote;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.config.DvcConfig;
import java.util.Map;

/** A remote's config section, read with dvc's value rules and errors that name the remote and key. */
record RemoteOptions(String name, Map<String, Object> values, Map<String, String> env) {
    String get(String key) {
        Object v = values.get(key);
        return v == null ? null : String.valueOf(v).trim();
    }

    String getOrEnv(String key, String envVar) {
        String v = get(key);
        return v != null ? v : env.get(envVar);
    }

    boolean flag(String key, boolean defaultValue) {
        String v = get(key);
        return v == null ? defaultValue : DvcConfig.parseBoolean(v, "remote." + name + "." + key);
    }

    long seconds(String key, long defaultValue) {
        String v = get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return (long) Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new DvcException(
                    "remote '" + name + "': option '" + key + "' must be a number of seconds, not '" + v + "'",
                    null,
                    e);
        }
    }

    /** bucket and key prefix ("" or ending in '/') from {@code scheme://bucket/some/path}. */
    String[] bucketAndPrefix(String url, String scheme, String example) {
        String rest = url.substring(scheme.length() + 3);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String p = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
        if (bucket.isEmpty()) {
            throw new DvcException(
                    "remote '" + name + "': no bucket or container in url '" + url + "'", "use " + example);
        }
        return new String[] {bucket, p.isEmpty() ? "" : p + "/"};
    }
}
