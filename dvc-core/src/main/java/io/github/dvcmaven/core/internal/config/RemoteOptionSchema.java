package io.github.dvcmaven.core.internal.config;

import io.github.dvcmaven.core.api.DvcException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which options a remote may carry: those dvc 3.x's config schema accepts for the URL's scheme (any
 * other makes every dvc command in the repo fail with "extra keys not allowed"), and of those the ones
 * dvc-maven does not honour, which are refused rather than accepted and ignored.
 */
public final class RemoteOptionSchema {
    private static final Set<String> COMMON =
            Set.of("url", "jobs", "checksum_jobs", "verify", "version_aware", "worktree", "no_traverse");
    private static final Map<String, Set<String>> BY_SCHEME = Map.of(
            "local", Set.of("type", "shared", "slow_link_warning", "protected"),
            "s3",
                    Set.of(
                            "region",
                            "profile",
                            "credentialpath",
                            "configpath",
                            "endpointurl",
                            "access_key_id",
                            "secret_access_key",
                            "session_token",
                            "listobjects",
                            "use_ssl",
                            "allow_anonymous_login",
                            "ssl_verify",
                            "sse",
                            "sse_kms_key_id",
                            "sse_customer_algorithm",
                            "sse_customer_key",
                            "acl",
                            "grant_read",
                            "grant_read_acp",
                            "grant_write_acp",
                            "grant_full_control",
                            "cache_regions",
                            "read_timeout",
                            "connect_timeout"),
            "gs", Set.of("projectname", "credentialpath", "endpointurl", "allow_anonymous_login"),
            "azure",
                    Set.of(
                            "connection_string",
                            "sas_token",
                            "account_name",
                            "account_key",
                            "tenant_id",
                            "client_id",
                            "client_secret",
                            "allow_anonymous_login",
                            "exclude_environment_credential",
                            "exclude_visual_studio_code_credential",
                            "exclude_shared_token_cache_credential",
                            "exclude_managed_identity_credential",
                            "timeout",
                            "read_timeout",
                            "connection_timeout"));

    /** Options dvc accepts whose meaning dvc-maven does not implement: refused when switched on. */
    private static final Map<String, String> UNSUPPORTED = Map.of(
            "version_aware", "cloud-versioned remotes (objects addressed by version id) are not supported by dvc-maven",
            "worktree",
                    "worktree remotes (a mirror of the workspace, addressed by version id) are not supported by dvc-maven");

    /** dvc's {@code Bool}: lower-cased, then exactly true or false. */
    private static final Set<String> BOOLEAN = Set.of(
            "worktree",
            "no_traverse",
            "version_aware",
            "verify",
            "slow_link_warning",
            "protected",
            "listobjects",
            "use_ssl",
            "allow_anonymous_login",
            "exclude_environment_credential",
            "exclude_visual_studio_code_credential",
            "exclude_shared_token_cache_credential",
            "exclude_managed_identity_credential");
    /** dvc's {@code Coerce(int)}; jobs and checksum_jobs also at least 1. */
    private static final Set<String> INTEGER =
            Set.of("jobs", "checksum_jobs", "read_timeout", "connect_timeout", "timeout", "connection_timeout");

    private static final Set<String> LINK_TYPES = Set.of("reflink", "hardlink", "symlink", "copy");

    /** The URL schemes dvc's config schema knows (any other fails: "Unsupported URL type"). */
    public static final Set<String> DVC_SCHEMES = new TreeSet<>(Set.of(
            "s3", "gs", "ssh", "hdfs", "webhdfs", "azure", "oss", "gdrive", "http", "https", "webdav", "webdavs",
            "remote"));

    private RemoteOptionSchema() {}

    /** As dvc parses it: a URL with a host part needs a known scheme; anything else is a local path. */
    public static boolean knownScheme(String url) {
        int sep = url.indexOf("://");
        if (sep < 0 || url.length() == sep + 3 || url.charAt(sep + 3) == '/') {
            return true;
        }
        String scheme = url.substring(0, sep);
        return DVC_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT));
    }

    /** The scheme a URL selects a schema by: {@code local} for paths and {@code file://}. */
    public static String scheme(String url) {
        if (url == null || !url.contains("://")) {
            return "local";
        }
        String s = url.substring(0, url.indexOf("://")).toLowerCase(Locale.ROOT);
        return s.equals("file") ? "local" : s;
    }

    /** Refuses a URL whose scheme dvc does not know ({@code s4://}, {@code htps://}), as dvc does at once. */
    public static void checkUrl(String remote, String url) {
        if (url == null || url.isBlank()) {
            throw new DvcException(
                    "remote '" + remote + "': the url is empty", "give one with -Ddvc.url=s3://bucket/path");
        }
        if (!knownScheme(url)) {
            throw new DvcException(
                    "remote '" + remote + "': unsupported URL type " + url.substring(0, url.indexOf("://") + 3)
                            + " in '" + url + "'",
                    "dvc knows " + DVC_SCHEMES + " and local paths");
        }
    }

    /** Whether dvc's schema has this option for a remote with this URL. */
    public static boolean dvcAccepts(String url, String option) {
        String key = option.toLowerCase(Locale.ROOT);
        Set<String> own = BY_SCHEME.get(scheme(url));
        return key.equals("name") || COMMON.contains(key) || own == null || own.contains(key);
    }

    /**
     * Refuses an option dvc would refuse for this remote's URL, or one dvc-maven would ignore while the
     * value asks for it ({@code version_aware = true}).
     *
     * @param where the file the option is in, or null when it is about to be written
     */
    public static void check(String remote, String url, String option, Object value, String where) {
        String key = option.toLowerCase(Locale.ROOT);
        String in = where == null ? "" : " in " + where;
        if (!dvcAccepts(url, key)) {
            throw new DvcException(
                    "remote '" + remote + "'" + in + ": '" + option + "' is not an option of a " + scheme(url)
                            + " remote (dvc refuses it: extra keys not allowed)",
                    where == null
                            ? "the options dvc accepts are listed on the remotes page of the dvc-maven site"
                            : "remove it: `mvn dvc:remote -Ddvc.action=modify -Ddvc.name=" + remote + " -Ddvc.option="
                                    + option + " -Ddvc.unset=true`");
        }
        checkValue(remote, in, url, key, value);
        String reason = UNSUPPORTED.get(key);
        if (reason != null && value != null && isTrue(value)) {
            throw new DvcException(
                    "remote '" + remote + "'" + in + ": " + option + " = true: " + reason,
                    "use a remote without " + option + " for the data dvc-maven pushes and pulls");
        }
    }

    /** The value checks of dvc's schema, which fail every dvc command when a file breaks them. */
    private static void checkValue(String remote, String in, String url, String key, Object value) {
        if (value == null || key.equals("url") || key.equals("name")) {
            return;
        }
        String v = String.valueOf(value).trim();
        String problem = null;
        if (BOOLEAN.contains(key) && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            problem = "expected true or false";
        } else if (INTEGER.contains(key)) {
            try {
                long n = (long) Double.parseDouble(v);
                if ((key.equals("jobs") || key.equals("checksum_jobs")) && n < 1) {
                    problem = "expected a whole number of at least 1";
                }
            } catch (NumberFormatException e) {
                problem = "expected a whole number";
            }
        } else if (key.equals("shared") && !v.equalsIgnoreCase("group")) {
            problem = "expected group";
        } else if (key.equals("type")
                && !Arrays.stream(v.split(","))
                        .map(t -> t.trim().toLowerCase(Locale.ROOT))
                        .allMatch(LINK_TYPES::contains)) {
            problem = "expected link types among " + new TreeSet<>(LINK_TYPES);
        } else if (key.equals("cache_regions") && scheme(url).equals("s3")) {
            problem = "dvc's schema takes only a YAML boolean here, which a config file cannot hold, so dvc refuses any"
                    + " value (leave it unset: bucket regions are looked up as needed)";
        }
        if (problem != null) {
            throw new DvcException(
                    "remote '" + remote + "'" + in + ": " + key + " = '" + v + "': " + problem,
                    in.isEmpty()
                            ? null
                            : "fix it: `mvn dvc:remote -Ddvc.action=modify -Ddvc.name=" + remote + " -Ddvc.option="
                                    + key + " -Ddvc.unset=true`");
        }
    }

    private static boolean isTrue(Object value) {
        return String.valueOf(value).trim().equalsIgnoreCase("true");
    }
}
