package io.github.dvcmaven.core.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.InitOptions;
import io.github.dvcmaven.core.api.MissingCacheException;
import io.github.dvcmaven.core.api.PullOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.SyncOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** push/fetch/pull with a local remote: messages about missing objects and committed credentials. */
class DataSyncTest {
    @TempDir
    Path tmp;

    final List<String> logs = new ArrayList<>();
    final RepoListener listener = new RepoListener() {
        @Override
        public void log(Level level, String message) {
            logs.add(level + " " + message);
        }
    };

    private Repo open(Path dir, boolean strict) {
        return Repo.open(
                dir,
                RepoOptions.defaults()
                        .withCwd(dir)
                        .withEnv(Map.of())
                        .withListener(listener)
                        .withStrictSecrets(strict));
    }

    private Path repoWithData() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("ws"));
        Repo.init(dir, InitOptions.defaults().withNoScm(true));
        Files.createDirectories(dir.resolve("data/sub"));
        Files.writeString(dir.resolve("data/sub/a.csv"), "a,b\n1,2\n");
        Files.writeString(dir.resolve("model.bin"), "weights");
        try (Repo repo = open(dir, false)) {
            repo.add(List.of("data", "model.bin"), AddOptions.defaults());
            repo.remotes().add("store", tmp.resolve("remote").toString());
            repo.remotes().setDefault("store");
        }
        return dir;
    }

    @Test
    void missingObjectsAreNamedByOutputWithThePushHint() throws IOException {
        Path dir = repoWithData();
        try (Repo repo = open(dir, false)) {
            assertThat(repo.push(SyncOptions.of(List.of("data")))).isEqualTo(2); // a.csv, then the .dir
        }
        deleteTree(dir.resolve(".dvc/cache"));
        Files.delete(dir.resolve("model.bin"));
        try (Repo repo = open(dir, false)) {
            assertThatThrownBy(() -> repo.pull(PullOptions.of(SyncOptions.of(List.of()))))
                    .isInstanceOf(MissingCacheException.class)
                    .hasMessageContaining("model.bin");
        }
        assertThat(String.join("\n", logs))
                .contains("Missing cache files:")
                .contains("name: model.bin, md5: ")
                .contains("mvn dvc:push");
        assertThat(Files.readString(dir.resolve("data/sub/a.csv"))).isEqualTo("a,b\n1,2\n");
    }

    @Test
    void credentialsInTheCommittedConfigAreWarnedAboutByKeyOrRefusedWhenStrict() throws IOException {
        Path dir = repoWithData();
        String secret = "s3cr3tValueThatMustNotBePrinted";
        Files.writeString(
                dir.resolve(".dvc/config"),
                Files.readString(dir.resolve(".dvc/config")) + "    password = " + secret + "\n");
        try (Repo repo = open(dir, false)) {
            // a local remote has no password option: dvc refuses this config, and so does the push, after the warning
            assertThatThrownBy(() -> repo.push(SyncOptions.of(List.of())))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("'password' is not an option of a local remote")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
        }
        assertThat(String.join("\n", logs)).contains("remote 'store': password").doesNotContain(secret);
        try (Repo repo = open(dir, true)) {
            assertThatThrownBy(() -> repo.push(SyncOptions.of(List.of())))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("remote 'store': password")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret))
                    .satisfies(e -> assertThat(((DvcException) e).hint()).contains("config.local"));
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                x.toFile().setWritable(true);
                Files.delete(x);
            }
        }
    }
}
