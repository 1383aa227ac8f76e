package io.github.dvcmaven.core.internal.remote;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HttpProxy;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.config.DvcConfig;
import io.github.dvcmaven.core.internal.config.RemoteOptionSchema;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the remote a config names, as dvc resolves it: {@code core.remote} by default, {@code remote://}
 * references joined onto their base remote, the scheme choosing the implementation. Also keeps every
 * secret it saw, so that no message can print one.
 */
public final class Remotes {
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    public static final Set<String> SECRET_KEYS = Set.of(
            "access_key_id",
            "secret_access_key",
            "session_token",
            "account_key",
            "sas_token",
            "connection_string",
            "client_secret",
            "password",
            "sse_customer_key",
            "gdrive_client_secret",
            "key_secret");

    private Remotes() {}

    /** The configured name of the default remote, or null. */
    public static String defaultName(DvcConfig config) {
        return config.get("core", "remote").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
    }

    /** The options of a named remote (or the default one), with {@code remote://} references resolved. */
    public static Map<String, Object> options(DvcConfig config, String name) {
        return options(config, name, new LinkedHashSet<>());
    }

    private static Map<String, Object> options(DvcConfig config, String name, Set<String> chain) {
        String resolved = name != null ? name.toLowerCase(Locale.ROOT) : defaultName(config);
        if (resolved == null) {
            throw new DvcException(
                    "No remote provided and no default remote set.",
                    "add one: `mvn dvc:remote -Ddvc.action=add -Ddvc.name=storage -Ddvc.url=s3://bucket/path -Ddvc.default=true`,"
                            + " or name it with -Ddvc.remote=NAME");
        }
        chain.add(resolved);
        Map<String, Map<String, Object>> remotes = config.remotes();
        Map<String, Object> opts = remotes.get(resolved);
        if (opts == null) {
            throw new DvcException(
                    "remote '" + resolved + "' doesn't exist.",
                    "configured remotes: " + (remotes.isEmpty() ? "none" : String.join(", ", remotes.keySet()))
                            + "; see `mvn dvc:remote -Ddvc.action=list`");
        }
        Map<String, Object> merged = new LinkedHashMap<>(opts);
        merged.put("name", resolved);
        Object url = merged.get("url");
        if (url == null) {
            throw new DvcException("remote '" + resolved + "' has no url", "set it in .dvc/config");
        }
        String u = String.valueOf(url);
        for (Map.Entry<String, Object> option : opts.entrySet()) {
            RemoteOptionSchema.check(
                    resolved,
                    u,
                    option.getKey(),
                    option.getValue(),
                    config.whereRemoteOptionIsSet(resolved, option.getKey()));
        }
        if (u.startsWith("remote://")) {
            String rest = u.substring("remote://".length());
            int slash = rest.indexOf('/');
            String base = slash < 0 ? rest : rest.substring(0, slash);
            String sub = slash < 0 ? "" : rest.substring(slash + 1);
            if (!chain.add(base.toLowerCase(Locale.ROOT))) {
                throw new DvcException(
                        "remote '" + resolved + "': url '" + u + "' refers back to itself through "
                                + String.join(" -> ", chain) + " -> " + base,
                        "point the url of one of them at real storage");
            }
            Map<String, Object> parent = options(config, base, chain);
            Map<String, Object> combined = new LinkedHashMap<>(parent);
            combined.putAll(merged);
            String parentUrl = String.valueOf(parent.get("url"));
            combined.put("url", sub.isEmpty() ? parentUrl : parentUrl.replaceAll("/+$", "") + "/" + sub);
            merged = combined;
        }
        for (String k : SECRET_KEYS) {
            if (merged.get(k) instanceof String secret) {
                registerSecret(secret);
            }
        }
        return merged;
    }

    /** A remote's options with the front end's overrides for its name (e.g. settings.xml servers) on top. */
    public static Map<String, Object> withOverrides(
            Map<String, Object> options, Map<String, Map<String, Object>> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(options);
        Map<String, Object> over = overrides.get(String.valueOf(options.get("name")));
        if (over != null) {
            merged.putAll(over);
        }
        return merged;
    }

    /** Opens a remote for transfers. */
    public static Remote open(Map<String, Object> options, Map<String, String> env) {
        return open(options, env, Map.of());
    }

    /** Opens a remote for transfers, its client going through the proxy for its endpoint's scheme, if any. */
    public static Remote open(Map<String, Object> options, Map<String, String> env, Map<String, HttpProxy> proxies) {
        for (String k : SECRET_KEYS) {
            if (options.get(k) instanceof String secret) {
                registerSecret(secret);
            }
        }
        String name = String.valueOf(options.get("name"));
        String url = String.valueOf(options.get("url"));
        // again here: options(config) checked what the config files set, naming the file; callers add
        // options of their own (settings.xml servers, the JVM API) that no file names
        options.forEach((key, value) -> RemoteOptionSchema.check(name, url, key, value, null));
        int scheme = url.indexOf("://");
        String kind = scheme < 0 ? "local" : url.substring(0, scheme).toLowerCase(Locale.ROOT);
        if (url.indexOf('\0') >= 0) {
            throw new DvcException(
                    "remote '" + name + "': the url contains a NUL character", "fix the url in .dvc/config");
        }
        return switch (kind) {
            case "local" -> new LocalRemote(name, Path.of(url).toAbsolutePath().normalize(), shared(options, name));
            case "file" ->
                new LocalRemote(
                        name,
                        Path.of(url.substring("file://".length()))
                                .toAbsolutePath()
                                .normalize(),
                        shared(options, name));
            default -> RemoteProviders.open(kind, name, url, options, env, proxies);
        };
    }

    private static boolean shared(Map<String, Object> options, String name) {
        Object v = options.get("shared");
        return ObjectStore.parseShared(v == null ? null : String.valueOf(v), "remote." + name + ".shared");
    }

    public static void registerSecret(String secret) {
        if (secret != null && secret.length() >= 4) {
            SECRETS.add(secret);
        }
    }

    /** The message with every known secret replaced by ****. */
    public static String redact(String message) {
        if (message == null) {
            return null;
        }
        String out = message;
        for (String s : SECRETS) {
            out = out.replace(s, "****");
        }
        return out;
    }
}
