package io.github.dvcmaven.core.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.fs.Modes;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import io.github.dvcmaven.core.internal.hash.HashAhead;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What counts as a valid object: installed by this run, or found read-only on disk by a later one. */
class ObjectStoreTest {
    @TempDir
    Path tmp;

    private static HashInfo md5(String content) {
        return HashInfo.md5(FileHasher.md5Hex(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Another object in the same 2-character directory as {@code of}. */
    private static HashInfo neighbour(HashInfo of) {
        return HashInfo.md5(of.value().substring(0, 2) + "0".repeat(30));
    }

    @Test
    void objectsAreValidOnlyOnceStoredWhetherThisRunOrAnEarlierOneStoredThem() throws Exception {
        Path root = tmp.resolve("cache");
        ObjectStore first = new ObjectStore(root);
        HashInfo a = md5("alpha\n");
        assertThat(first.isValid(a)).isFalse();
        first.addContent("alpha\n".getBytes(StandardCharsets.UTF_8), HashInfo.MD5);
        assertThat(first.isValid(a)).isTrue();
        assertThat(first.isValid(neighbour(a))).isFalse();
        assertThat(Modes.mode(first.path(a))).isEqualTo(0444);

        // a later run finds it on disk, and a neighbour someone else stored meanwhile
        Path other = first.path(neighbour(a));
        Files.writeString(other, "not checked by content when read-only");
        Modes.chmod(other, 0444);
        ObjectStore later = new ObjectStore(root);
        assertThat(later.isValid(a)).isTrue();
        assertThat(later.isValid(neighbour(a))).isTrue();
        assertThat(later.isValid(md5("never stored"))).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                ".git/config",
                "sub/.git/HEAD",
                "sub/.GIT/hooks/pre-commit",
                ".git. /config",
                "git~1/config",
                "a/.g\u200cit/config",
                ".Git\uFEFF/objects/ab/cd"
            })
    void aManifestPlantingAGitDirectoryIsRefusedAsGitRefusesIt(String relpath) throws Exception {
        ObjectStore store = new ObjectStore(tmp.resolve("cache"));
        String json = "[{\"md5\": \"0cc175b9c0f1b6a831c399e269772661\", \"relpath\": \"" + relpath + "\"}]";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        HashInfo dir = HashInfo.md5(FileHasher.md5Hex(bytes) + ".dir");
        assertThatThrownBy(() -> store.addStream(new ByteArrayInputStream(bytes), dir))
                .isInstanceOf(CorruptObjectException.class)
                .hasMessageContaining("inside a .git directory");
        assertThat(store.exists(dir)).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"git/config", ".gitignore", "sub/.github/workflows/ci.yml", "legit/x", ".gitkeep"})
    void namesThatOnlyLookLikeGitAreFine(String relpath) throws Exception {
        assertThat(List.of(relpath.split("/")).stream().anyMatch(ObjectStore::isGitDirName))
                .isFalse();
    }

    @Test
    void aDownloadWhoseBytesDoNotMatchItsNameNeverBecomesAnObject() throws Exception {
        ObjectStore store = new ObjectStore(tmp.resolve("cache"));
        HashInfo claimed = md5("what the name promises");
        assertThatThrownBy(() -> store.addStream(
                        new ByteArrayInputStream("something else".getBytes(StandardCharsets.UTF_8)), claimed))
                .isInstanceOf(CorruptObjectException.class);
        assertThat(store.isValid(claimed)).isFalse();
        try (var files = Files.walk(tmp.resolve("cache"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aBigFileIsCopiedWhileItsHashIsTakenFromTheReadAlreadyUnderWayIfTheFileKeptItsStat() throws Exception {
        ObjectStore store = new ObjectStore(tmp.resolve("cache"));
        byte[] content = new byte[6 << 20];
        new Random(7).nextBytes(content);
        Path big = Files.write(tmp.resolve("big.bin"), content);
        Files.setLastModifiedTime(big, FileTime.fromMillis(System.currentTimeMillis() - 60_000));

        String md5 = store.addFileHashing(big, HashInfo.MD5, false, HashAhead.start(big, HashInfo.MD5));
        assertThat(md5).isEqualTo(FileHasher.md5Hex(content));
        assertThat(Files.readAllBytes(store.path(HashInfo.md5(md5)))).isEqualTo(content);
        assertThat(Modes.mode(store.path(HashInfo.md5(md5)))).isEqualTo(0444);

        // rewritten after its hash began: that hash names nothing
        HashAhead stale = HashAhead.start(big, HashInfo.MD5);
        stale.await();
        content[12345] ^= 1;
        Files.write(big, content);
        assertThatThrownBy(() -> store.addFileHashing(big, HashInfo.MD5, false, stale))
                .isInstanceOf(CorruptObjectException.class)
                .hasMessageContaining("changed while");
        assertThat(store.isValid(HashInfo.md5(FileHasher.md5Hex(content)))).isFalse();
        try (var files = Files.walk(tmp.resolve("cache"))) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(store.path(HashInfo.md5(md5)));
        }
    }
}
