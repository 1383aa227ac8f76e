package io.github.dvcmaven.core.config;

import io.github.dvcmaven.core.DvcException;
import io.github.dvcmaven.core.fs.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Edits one config level the way dvc does: the file is read, changed as a structure and rewritten whole
 * (4-space indent, plain sections first, {@code ['remote "x"']} sections last). Remote options are
 * checked against the options dvc accepts for the remote's type.
 */
public final class ConfigEditor {
    private static final Set<String> COMMON = Set.of("url", "jobs", "checksum_jobs", "verify", "version_aware",
            "worktree", "no_traverse");
    private static final Set<String> LOCAL = Set.of("type", "shared", "slow_link_warning");
    private static final Set<String> S3 = Set.of("region", "profile", "credentialpath", "configpath", "endpointurl",
            "access_key_id", "secret_access_key", "session_token", "use_ssl", "ssl_verify", "allow_anonymous_login",
            "sse", "sse_kms_key_id", "sse_customer_key", "sse_customer_algorithm", "acl", "grant_read",
            "grant_read_acp", "grant_write_acp", "grant_full_control", "read_timeout", "connect_timeout",
            "listobjects", "cache_regions", "path_style");
    private static final Set<String> GS = Set.of("projectname", "credentialpath", "endpointurl",
            "allow_anonymous_login");
    private static final Set<String> AZURE = Set.of("account_name", "account_key", "connection_string", "sas_token",
            "tenant_id", "client_id", "client_secret", "allow_anonymous_login", "exclude_environment_credential",
            "exclude_visual_studio_code_credential", "exclude_shared_token_cache_credential",
            "exclude_managed_identity_credential", "timeout", "read_timeout", "connection_timeout");

    private ConfigEditor() {}

    /** Reads the level's file, applies the change, writes it back atomically. */
    public static void edit(Path file, Consumer<Map<String, Object>> change) {
        boolean existed = java.nio.file.Files.exists(file);
        Map<String, Object> conf = DvcConfig.readLevel(file);
        Map<String, Object> before = DvcConfig.packNamed(conf).equals(Map.of()) ? Map.of() : null;
        change.accept(conf);
        conf.values().removeIf(v -> v instanceof Map<?, ?> m && m.isEmpty());
        if (!existed && conf.isEmpty() && before != null) {
            return;
        }
        String text = ConfigObj.write(DvcConfig.packNamed(conf), "\n");
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw new DvcException("cannot write " + file + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> section(Map<String, Object> conf, String name) {
        return (Map<String, Object>) conf.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, Object>> remotes(Map<String, Object> conf) {
        return (Map<String, Map<String, Object>>) conf.computeIfAbsent("remote", k -> new LinkedHashMap<String, Object>());
    }

    /** Refuses an option dvc would refuse for this remote's URL ("extra keys not allowed"). */
    public static void checkOption(String remote, String url, String option) {
        String key = option.toLowerCase(Locale.ROOT);
        if (COMMON.contains(key)) {
            return;
        }
        String scheme = url == null || !url.contains("://") ? "local" : url.substring(0, url.indexOf("://"));
        Set<String> allowed = switch (scheme) {
            case "s3" -> S3;
            case "gs" -> GS;
            case "azure" -> AZURE;
            case "local", "file" -> LOCAL;
            default -> null;
        };
        if (allowed != null && !allowed.contains(key)) {
            throw new DvcException("extra keys not allowed: '" + option + "' is not an option of " + scheme
                    + " remote '" + remote + "'", "see the remote options in the dvc-maven documentation");
        }
    }
}
