package io.github.dvcmaven.core.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.InitOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented order, lowest first: system, global, .dvc/config, .dvc/config.local, then the front
 * end's overrides (Maven settings.xml servers); each level wins key by key over the ones before.
 */
class ConfigPrecedenceTest {
    @TempDir
    Path dir;

    @Test
    void eachLevelWinsKeyByKeyOverTheLevelsBelow() throws IOException {
        Path system = Files.createDirectories(dir.resolve("system"));
        Path global = Files.createDirectories(dir.resolve("global"));
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Repo.init(repo, InitOptions.defaults().withNoScm(true));
        Files.writeString(
                system.resolve("config"),
                "['remote \"s\"']\n    url = s3://b/p\n    region = from-system\n"
                        + "    profile = from-system\n    endpointurl = from-system\n    access_key_id = from-system\n"
                        + "    secret_access_key = from-system\n");
        Files.writeString(
                global.resolve("config"),
                "['remote \"s\"']\n    profile = from-global\n    endpointurl = from-global\n"
                        + "    access_key_id = from-global\n    secret_access_key = from-global\n");
        Files.writeString(
                repo.resolve(".dvc/config"),
                "[core]\n    no_scm = True\n    remote = s\n['remote \"s\"']\n"
                        + "    endpointurl = from-repo\n    access_key_id = from-repo\n    secret_access_key = from-repo\n");
        Files.writeString(
                repo.resolve(".dvc/config.local"),
                "['remote \"s\"']\n    access_key_id = from-local\n" + "    secret_access_key = from-local\n");
        RepoOptions opts = RepoOptions.defaults()
                .withCwd(repo)
                .withEnv(Map.of("DVC_SYSTEM_CONFIG_DIR", system.toString(), "DVC_GLOBAL_CONFIG_DIR", global.toString()))
                .withRemoteOverrides(Map.of("s", Map.of("secret_access_key", "from-settings-xml")));
        try (Repo r = Repo.open(repo, opts)) {
            Map<String, Object> s = r.remoteOptions(null);
            assertThat(s)
                    .containsEntry("region", "from-system")
                    .containsEntry("profile", "from-global")
                    .containsEntry("endpointurl", "from-repo")
                    .containsEntry("access_key_id", "from-local")
                    .containsEntry("secret_access_key", "from-settings-xml");
        }
    }
}
