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
        Files.writeString(system.resolve("config"), """
                        ['remote "s"']
                            url = s3://b/p
                            region = from-system
                            profile = from-system
                            endpointurl = from-system
                            access_key_id = from-system
                            secret_access_key = from-system
                        """);
        Files.writeString(global.resolve("config"), """
                        ['remote "s"']
                            profile = from-global
                            endpointurl = from-global
                            access_key_id = from-global
                            secret_access_key = from-global
                        """);
        Files.writeString(repo.resolve(".dvc/config"), """
                        [core]
                            no_scm = True
                            remote = s
                        ['remote "s"']
                            endpointurl = from-repo
                            access_key_id = from-repo
                            secret_access_key = from-repo
                        """);
        Files.writeString(repo.resolve(".dvc/config.local"), """
                        ['remote "s"']
                            access_key_id = from-local
                            secret_access_key = from-local
                        """);
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
