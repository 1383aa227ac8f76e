package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.Proc;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code dvc:remote} writes, the real dvc reads: every option we accept for each remote type,
 * written by our operation, then read back by {@code dvc config --list} and used by {@code dvc status};
 * and what dvc would refuse (or we would ignore) is refused before anything is written.
 */
@Tag("interop")
class RemoteConfigInteropTest {
    @TempDir
    Path tmp;

    DvcCli dvc;
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        ExternalTools.dvcVenv();
        dvc = new DvcCli(tmp.resolve("cfg"));
        dir = dvc.initRepo(tmp.resolve("repo"));
    }

    private Repo open() {
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(dvc.env()));
    }

    private static Map<String, String> options(String scheme) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("jobs", "8");
        o.put("checksum_jobs", "2");
        o.put("verify", "true");
        o.put("version_aware", "false");
        o.put("worktree", "false");
        switch (scheme) {
            case "s3" -> {
                o.put("region", "eu-west-1");
                o.put("profile", "ci");
                o.put("credentialpath", "/opt/aws/credentials");
                o.put("endpointurl", "http://127.0.0.1:9000");
                o.put("use_ssl", "false");
                o.put("ssl_verify", "ca-bundle.pem");
                o.put("allow_anonymous_login", "false");
                o.put("listobjects", "true");
                o.put("sse", "AES256");
                o.put("sse_customer_algorithm", "AES256");
                o.put("grant_read", "id=abc");
                o.put("grant_read_acp", "id=abc");
                o.put("grant_write_acp", "id=abc");
                o.put("grant_full_control", "id=abc");
                o.put("read_timeout", "30");
                o.put("connect_timeout", "5");
            }
            case "gs" -> {
                o.put("projectname", "p");
                o.put("credentialpath", "/opt/gcp/sa.json");
                o.put("endpointurl", "http://127.0.0.1:4443");
                o.put("allow_anonymous_login", "true");
            }
            case "azure" -> {
                o.put("account_name", "acct");
                o.put("tenant_id", "t");
                o.put("client_id", "c");
                o.put("allow_anonymous_login", "false");
                o.put("exclude_environment_credential", "true");
                o.put("exclude_visual_studio_code_credential", "true");
                o.put("exclude_shared_token_cache_credential", "true");
                o.put("exclude_managed_identity_credential", "true");
                o.put("timeout", "10");
                o.put("read_timeout", "10");
                o.put("connection_timeout", "10");
            }
            default -> {
                o.put("shared", "group");
                o.put("slow_link_warning", "false");
                o.put("type", "copy");
            }
        }
        return o;
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://bucket/path", "gs://bucket/path", "azure://container/path", "../store"})
    void everyOptionWeWriteIsOneDvcReads(String url) {
        Repo repo = open();
        repo.remotes().add("r", url);
        repo.remotes().setDefault("r");
        String scheme = url.contains("://") ? url.substring(0, url.indexOf("://")) : "local";
        options(scheme).forEach((k, v) -> repo.remotes().modify("r", k, v));
        if (scheme.equals("s3")) {
            repo.remotes().local().modify("r", "access_key_id", "AKIAEXAMPLE0001");
            repo.remotes().local().modify("r", "secret_access_key", "s3cr3t-value-0001");
        }

        Proc.Result list = dvc.run(dir, "config", "--list", "--show-origin");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        options(scheme).forEach((k, v) -> assertThat(list.stdout()).contains("remote.r." + k + "=" + v));
        Proc.Result status = dvc.run(dir, "status");
        assertThat(status.stderr()).doesNotContain("extra keys not allowed").doesNotContain("ERROR");
        assertThat(status.exitCode()).isZero();
    }

    @Test
    void anOptionDvcDoesNotKnowIsRefusedBeforeItIsWritten() throws IOException {
        Repo repo = open();
        repo.remotes().add("r", "s3://bucket/path");
        repo.remotes().setDefault("r");
        String before = Files.readString(dir.resolve(".dvc/config"));
        assertThatThrownBy(() -> repo.remotes().modify("r", "path_style", "true"))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("'path_style'")
                .hasMessageContaining("extra keys not allowed");
        assertThatThrownBy(() -> repo.remotes().modify("r", "projectname", "p"))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("not an option of a s3 remote");
        assertThat(Files.readString(dir.resolve(".dvc/config"))).isEqualTo(before);
        assertThat(dvc.run(dir, "status").exitCode()).isZero();
    }

    @Test
    void aCloudVersionedRemoteIsRefusedNotPushedToInTheWrongLayout() throws IOException {
        Repo repo = open();
        repo.remotes().add("r", "s3://bucket/path");
        repo.remotes().setDefault("r");
        assertThatThrownBy(() -> repo.remotes().modify("r", "version_aware", "true"))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("version_aware")
                .hasMessageContaining("not supported");
        assertThatThrownBy(() -> repo.remotes().modify("r", "worktree", "TRUE"))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("worktree");
        // written by dvc itself: every goal that opens the remote refuses it, naming the file
        dvc.ok(dir, "remote", "modify", "r", "version_aware", "true");
        Repo reopened = open();
        assertThatThrownBy(() -> reopened.remoteOptions("r"))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("version_aware = true")
                .hasMessageContaining(dir.resolve(".dvc").resolve("config").toString());
    }

    @Test
    void aConfigWithAKeyDvcRejectsIsRefusedNamingTheFileAndTheFix() throws IOException {
        Files.writeString(
                dir.resolve(".dvc/config"),
                "[core]\n    remote = r\n['remote \"r\"']\n    url = s3://b/p\n    path_style = true\n");
        assertThat(dvc.run(dir, "status").stderr())
                .as("dvc itself refuses this config")
                .contains("extra keys not allowed");
        Repo repo = open();
        assertThatThrownBy(() -> repo.remoteOptions(null))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("'path_style'")
                .hasMessageContaining(".dvc" + File.separator + "config")
                .satisfies(e ->
                        assertThat(((DvcException) e).hint()).contains("-Ddvc.option=path_style -Ddvc.unset=true"));
        repo.remotes().unset("r", "path_style");
        assertThat(dvc.run(dir, "status").exitCode())
                .as("our unset repairs it for dvc")
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"jobs=0", "jobs=many", "use_ssl=yes", "listobjects=1", "cache_regions=false", "read_timeout=soon"
            })
    void aValueDvcsSchemaRefusesIsRefusedToo(String option) throws IOException {
        Repo repo = open();
        repo.remotes().add("r", "s3://bucket/path");
        repo.remotes().setDefault("r");
        String[] kv = option.split("=");
        Proc.Result theirs = dvc.run(dir, "remote", "modify", "r", kv[0], kv[1]);
        assertThat(theirs.exitCode())
                .as("dvc refuses " + option + ": " + theirs.stderr())
                .isNotZero();
        String before = Files.readString(dir.resolve(".dvc/config"));
        assertThatThrownBy(() -> repo.remotes().modify("r", kv[0], kv[1]))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining(kv[0]);
        assertThat(Files.readString(dir.resolve(".dvc/config"))).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s4://bucket/path", "htps://example.com/store", "S3x://b/p"})
    void aUrlSchemeDvcDoesNotKnowIsRefusedAtAddLikeDvcDoes(String url) throws IOException {
        Proc.Result theirs = dvc.run(dir, "remote", "add", "theirs", url);
        assertThat(theirs.exitCode()).as("dvc refuses " + url).isNotZero();
        assertThat(theirs.stderr()).contains("Unsupported URL type");
        String before = Files.readString(dir.resolve(".dvc/config"));
        Repo repo = open();
        assertThatThrownBy(() -> repo.remotes().add("ours", url))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("unsupported URL type");
        assertThat(Files.readString(dir.resolve(".dvc/config"))).isEqualTo(before);
    }

    private static int mode(Path p) throws IOException {
        return ((Integer) Files.getAttribute(p, "unix:mode")) & 07777;
    }

    @Test
    void aGroupSharedCacheGetsDvcsDirectoryModesSoTheGroupCanAddObjects() throws IOException {
        dvc.ok(dir, "config", "cache.shared", "group");
        Files.writeString(dir.resolve("theirs.txt"), "added by dvc");
        dvc.ok(dir, "add", "theirs.txt");
        Files.writeString(dir.resolve("ours.txt"), "added by dvc-maven");
        try (Repo repo = open()) {
            repo.add(List.of("ours.txt"), AddOptions.defaults());
        }
        Path theirs = dvcObjectDir("theirs.txt");
        Path ours = dvcObjectDir("ours.txt");
        assertThat(theirs).isNotEqualTo(ours);
        assertThat(Integer.toOctalString(mode(ours)))
                .isEqualTo(Integer.toOctalString(mode(theirs)))
                .isEqualTo("2775");
        Path oneObject;
        try (Stream<Path> objects = Files.list(ours)) {
            oneObject = ours.resolve(objects.findFirst().orElseThrow().getFileName());
        }
        assertThat(Integer.toOctalString(mode(oneObject))).isEqualTo("444");
        Path config = dir.resolve(".dvc/config");
        Files.writeString(config, Files.readString(config).replace("shared = group", "shared = everyone"));
        assertThatThrownBy(this::open)
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("cache.shared")
                .hasMessageContaining("'group'");
    }

    private Path dvcObjectDir(String file) throws IOException {
        String pointer = Files.readString(dir.resolve(file + ".dvc"));
        Matcher m = Pattern.compile("md5: ([0-9a-f]{32})").matcher(pointer);
        assertThat(m.find()).isTrue();
        return dir.resolve(".dvc/cache/files/md5").resolve(m.group(1).substring(0, 2));
    }
}
