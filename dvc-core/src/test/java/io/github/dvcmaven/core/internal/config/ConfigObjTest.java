package io.github.dvcmaven.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.internal.format.FormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigObjTest {
    @Test
    void parsesSectionsQuotesListsAndComments() {
        Map<String, Object> c = ConfigObj.parse("""
                # comment
                [core]
                    remote = myremote   # inline
                    autostage = true
                [cache]
                    type = "reflink,copy"
                    other = reflink, copy
                ['remote "myremote"']
                    url = s3://bucket/path
                    endpointurl = http://localhost:9000
                """, "config");
        assertThat(c).containsOnlyKeys("core", "cache", "remote \"myremote\"");
        assertThat(((Map<?, ?>) c.get("core")).get("remote")).isEqualTo("myremote");
        assertThat(((Map<?, ?>) c.get("cache")).get("type")).isEqualTo("reflink,copy");
        assertThat(((Map<?, ?>) c.get("cache")).get("other")).isEqualTo(List.of("reflink", "copy"));
        assertThat(((Map<?, ?>) c.get("remote \"myremote\"")).get("url")).isEqualTo("s3://bucket/path");
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> ConfigObj.parse("[core]\n    remote = a\n    remote = b\n", ".dvc/config"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith(".dvc/config:3:");
        assertThatThrownBy(() -> ConfigObj.parse("[core]\nthis is not ini\n", ".dvc/config"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith(".dvc/config:2:");
    }

    @Test
    void writesLikeConfigobj() {
        Map<String, Object> core = new LinkedHashMap<>();
        core.put("remote", "storage");
        core.put("no_scm", true);
        Map<String, Object> remote = new LinkedHashMap<>();
        remote.put("url", "s3://b/p");
        remote.put("jobs", 8);
        remote.put("odd", "has, comma");
        remote.put("hash", "a#b");
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("core", core);
        conf.put("remote", Map.of("storage", remote));
        assertThat(ConfigObj.write(DvcConfig.packNamed(conf), "\n")).isEqualTo("""
                [core]
                    remote = storage
                    no_scm = True
                ['remote "storage"']
                    url = s3://b/p
                    jobs = 8
                    odd = "has, comma"
                    hash = "a#b"
                """);
    }

    @Test
    void levelsMergeKeyByKeyAndResolveRelativePathsPerFile(@TempDir Path dir) throws IOException {
        Path dvcDir = Files.createDirectories(dir.resolve("repo/.dvc"));
        Path global = Files.createDirectories(dir.resolve("global"));
        Files.writeString(
                global.resolve("config"),
                "[core]\n    remote = g\n    autostage = true\n[cache]\n    dir = ../shared-cache\n");
        Files.writeString(
                dvcDir.resolve("config"), "[core]\n    remote = repo\n['remote \"repo\"']\n    url = ../../store\n");
        Files.writeString(dvcDir.resolve("config.local"), "['remote \"repo\"']\n    access_key_id = secret\n");
        DvcConfig config = DvcConfig.load(ConfigFiles.forRepo(
                dvcDir,
                Map.of(
                        "DVC_GLOBAL_CONFIG_DIR",
                        global.toString(),
                        "DVC_SYSTEM_CONFIG_DIR",
                        dir.resolve("none").toString())));
        assertThat(config.get("core", "remote")).contains("repo");
        assertThat(config.getBoolean("core", "autostage", false)).isTrue();
        assertThat(config.get("cache", "dir"))
                .contains(dir.resolve("shared-cache").toString());
        assertThat(config.remotes().get("repo"))
                .containsEntry("url", dir.resolve("store").toString())
                .containsEntry("access_key_id", "secret");
    }

    @Test
    void keysAreLowerCased(@TempDir Path dir) throws IOException {
        Path dvcDir = Files.createDirectories(dir.resolve(".dvc"));
        Files.writeString(
                dvcDir.resolve("config"), "[Core]\n    Remote = MyRemote\n['remote \"MyRemote\"']\n    URL = /x\n");
        DvcConfig config = DvcConfig.load(ConfigFiles.forRepo(
                dvcDir,
                Map.of(
                        "DVC_GLOBAL_CONFIG_DIR",
                        dir.resolve("g").toString(),
                        "DVC_SYSTEM_CONFIG_DIR",
                        dir.resolve("s").toString())));
        assertThat(config.get("core", "remote")).contains("MyRemote");
        assertThat(config.remotes()).containsKey("myremote");
    }
}
