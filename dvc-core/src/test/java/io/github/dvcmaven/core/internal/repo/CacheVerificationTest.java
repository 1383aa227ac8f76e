package io.github.dvcmaven.core.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.CacheCheck;
import io.github.dvcmaven.core.api.CorruptObjects;
import io.github.dvcmaven.core.api.InitOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.SyncOptions;
import io.github.dvcmaven.core.internal.fs.Modes;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache can be verified like git fsck: a rotten object (stat unchanged) is found, removed on request, and fetched back. */
class CacheVerificationTest {
    @TempDir
    Path tmp;

    @Test
    void aRottenObjectIsFoundEvenWithItsStatUnchangedAndAFetchRestoresItOnceRemoved() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Repo.init(ws, InitOptions.defaults().withNoScm(true));
        Files.createDirectories(ws.resolve("data"));
        Files.writeString(ws.resolve("data/a.txt"), "alpha");
        Files.writeString(ws.resolve("data/b.txt"), "bravo");
        RepoOptions options = RepoOptions.defaults().withCwd(ws).withEnv(Map.of());
        try (Repo repo = Repo.open(ws, options)) {
            repo.add(List.of("data"), AddOptions.defaults());
            repo.remotes().add("r", tmp.resolve("remote").toString());
            repo.remotes().setDefault("r");
            repo.push(SyncOptions.of(List.of()));
        }
        String md5 = FileHasher.md5Hex("bravo".getBytes(StandardCharsets.UTF_8));
        Path object =
                ws.resolve(".dvc/cache/files/md5").resolve(md5.substring(0, 2)).resolve(md5.substring(2));
        FileTime mtime = Files.getLastModifiedTime(object);
        Modes.chmod(object, 0644);
        Files.writeString(object, "brAvo"); // same size, one byte flipped
        Modes.chmod(object, 0444);
        Files.setLastModifiedTime(object, mtime);

        try (Repo repo = Repo.open(ws, options)) {
            CacheCheck found = repo.verifyCache(CorruptObjects.KEEP);
            assertThat(found.checked()).isEqualTo(3);
            assertThat(found.corrupt()).containsExactly("files/md5/" + md5.substring(0, 2) + "/" + md5.substring(2));
            assertThat(object).exists();

            CacheCheck removed = repo.verifyCache(CorruptObjects.REMOVE);
            assertThat(removed.corrupt()).hasSize(1);
            assertThat(object).doesNotExist();
            repo.fetch(SyncOptions.of(List.of()));
            assertThat(repo.verifyCache(CorruptObjects.KEEP).corrupt()).isEmpty();
        }
        assertThat(object).hasContent("bravo");
    }
}
