package io.github.dvcmaven.core.internal.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.internal.fs.DvcIgnore;
import io.github.dvcmaven.core.internal.fs.FileStat;
import io.github.dvcmaven.core.internal.fs.TreeWalker;
import io.github.dvcmaven.core.internal.state.StateDb;
import io.github.dvcmaven.core.testing.LiveThreads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state database's promise: an unchanged file is never read twice, also inside a changed directory. */
class ContentHasherTest {
    @TempDir
    Path tmp;

    private final AtomicInteger reads = new AtomicInteger();
    private final ContentHasher.ContentReader countingReader = (f, size, algo, ahead) -> {
        reads.incrementAndGet();
        return FileHasher.hash(f, algo);
    };

    private ContentHasher hasher(StateDb state) {
        ForkJoinPool pool = new ForkJoinPool(2);
        return new ContentHasher(state, new TreeWalker(new DvcIgnore(tmp), pool), pool, RepoListener.SILENT);
    }

    private static void age(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }

    @Test
    void unchangedFilesAreNotReadAgainEvenInAChangedDirectory() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data/sub"));
        for (int i = 0; i < 200; i++) {
            Path f = tmp.resolve("data/sub/f" + i);
            Files.writeString(f, "content " + i);
            age(f);
        }
        try (StateDb state = new StateDb(tmp.resolve("state.db"))) {
            ContentHasher.TreeHash first =
                    hasher(state).hashDir(tmp.resolve("data"), "data", HashInfo.MD5, countingReader);
            assertThat(reads.get()).isEqualTo(200);
            assertThat(first.manifest().entries()).hasSize(200);

            reads.set(0);
            ContentHasher.TreeHash again =
                    hasher(state).hashDir(tmp.resolve("data"), "data", HashInfo.MD5, countingReader);
            assertThat(reads.get()).isZero();
            assertThat(again.hash()).isEqualTo(first.hash());

            Path changed = tmp.resolve("data/sub/f7");
            Files.writeString(changed, "a different content 7");
            age(changed);
            Files.setLastModifiedTime(changed, FileTime.from(Instant.now().minusSeconds(30)));
            reads.set(0);
            ContentHasher.TreeHash after =
                    hasher(state).hashDir(tmp.resolve("data"), "data", HashInfo.MD5, countingReader);
            assertThat(reads.get()).as("only the changed file is read").isEqualTo(1);
            assertThat(after.hash()).isNotEqualTo(first.hash());
            assertThat(after.manifest().asMap().get("sub/f7"))
                    .isEqualTo(FileHasher.md5Hex("a different content 7".getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(data).exists();
    }

    @Test
    void aFileWrittenInTheSameTickAsItWasHashedIsReadAgain() throws IOException {
        Path f = tmp.resolve("fresh.txt");
        Files.writeString(f, "just written");
        try (StateDb state = new StateDb(tmp.resolve("state.db"))) {
            hasher(state).hashFile(f, HashInfo.MD5, countingReader);
            hasher(state).hashFile(f, HashInfo.MD5, countingReader);
            assertThat(reads.get()).as("a racy entry is not trusted").isEqualTo(2);
        }
    }

    @Test
    void theTreeFingerprintSeesEveryPathAndStatChangeButNotTheOrder() {
        ContentHasher h = hasher(new StateDb(tmp.resolve("state.db")));
        BiFunction<String, FileStat, TreeWalker.Entry> entry =
                (rel, st) -> new TreeWalker.Entry(rel, tmp.resolve(rel), st, false);
        List<TreeWalker.Entry> base = new ArrayList<>();
        for (int i = 0; i < 6000; i++) { // above the size that is fingerprinted in parallel slices
            base.add(entry.apply("d/f" + i, new FileStat(5, 1000 + i, 7_000L + i, 10, -1, true, false)));
        }
        String fp = h.fingerprint(base);
        List<TreeWalker.Entry> reversed = new ArrayList<>(base);
        Collections.reverse(reversed);
        assertThat(h.fingerprint(reversed)).isEqualTo(fp);
        assertThat(h.fingerprint(base.subList(0, 5999))).isNotEqualTo(fp);
        FileStat s = base.get(42).stat();
        List<FileStat> changedStats = List.of(
                new FileStat(s.device() + 1, s.inode(), s.mtimeNanos(), s.size(), -1, true, false),
                new FileStat(s.device(), s.inode() + 1, s.mtimeNanos(), s.size(), -1, true, false),
                new FileStat(s.device(), s.inode(), s.mtimeNanos() + 1, s.size(), -1, true, false),
                new FileStat(s.device(), s.inode(), s.mtimeNanos(), s.size() + 1, -1, true, false));
        for (FileStat changed : changedStats) {
            List<TreeWalker.Entry> edited = new ArrayList<>(base);
            edited.set(42, entry.apply("d/f42", changed));
            assertThat(h.fingerprint(edited)).as("stat %s", changed).isNotEqualTo(fp);
        }
        // a rename that keeps the stat, also to a name with the same String.hashCode ("Aa" / "BB")
        List<TreeWalker.Entry> renamed = new ArrayList<>(base);
        renamed.set(42, entry.apply("d/g42", s));
        assertThat(h.fingerprint(renamed)).isNotEqualTo(fp);
        List<TreeWalker.Entry> one = List.of(entry.apply("Aa", s));
        assertThat(h.fingerprint(one)).isNotEqualTo(h.fingerprint(List.of(entry.apply("BB", s))));
    }

    @Test
    void aHashAheadIsUsedOnlyForTheFileAsItWasWhenItStarted() throws Exception {
        ContentHasher h = hasher(new StateDb(tmp.resolve("state.db")));
        byte[] content = new byte[5 << 20];
        new Random(1).nextBytes(content);
        Path big = Files.write(tmp.resolve("big.bin"), content);
        age(big);
        List<HashAhead> given = new CopyOnWriteArrayList<>();
        ContentHasher.ContentReader reader = (f, size, algo, ahead) -> {
            given.add(ahead);
            return ContentHasher.HASH_ONLY.read(f, size, algo, ahead);
        };
        h.hashAhead(big, HashInfo.MD5);
        ContentHasher.FileHash first = h.hashFile(big, HashInfo.MD5, reader);
        assertThat(first.hash().value()).isEqualTo(FileHasher.md5Hex(content));
        assertThat(given).hasSize(1);
        assertThat(given.get(0)).as("the read under way was handed over").isNotNull();

        // changed after its hash started: that hash is dropped and the file read again
        Path other = Files.write(tmp.resolve("other.bin"), content);
        age(other);
        h.hashAhead(other, HashInfo.MD5);
        content[0] ^= 1;
        Files.write(other, content);
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minusSeconds(30)));
        ContentHasher.FileHash second = h.hashFile(other, HashInfo.MD5, reader);
        assertThat(second.hash().value())
                .isEqualTo(FileHasher.md5Hex(content))
                .isNotEqualTo(first.hash().value());
        assertThat(given).hasSize(2);
        assertThat(given.get(1)).isNull();

        // known to the state: nothing is read, and the hash under way is stopped
        h.hashAhead(big, HashInfo.MD5);
        assertThat(h.hashFile(big, HashInfo.MD5, reader).hash()).isEqualTo(first.hash());
        assertThat(given).hasSize(2);
        assertThat(LiveThreads.anyNamed("dvc-hash-ahead", "dvc-read-ahead")).isFalse();

        // a small file is not worth a thread
        Path small = Files.writeString(tmp.resolve("small.txt"), "small");
        h.hashAhead(small, HashInfo.MD5);
        h.hashFile(small, HashInfo.MD5, reader);
        assertThat(given).hasSize(3);
        assertThat(given.get(2)).isNull();

        // a read ahead (an add's copy into the cache) takes the hash under way over, and its result is claimed
        Path third = Files.write(tmp.resolve("third.bin"), content);
        age(third);
        h.hashAhead(third, HashInfo.MD5);
        h.readAhead(third, HashInfo.MD5, reader);
        assertThat(h.hashFile(third, HashInfo.MD5, reader).hash()).isEqualTo(second.hash());
        assertThat(given).hasSize(4);
        assertThat(given.get(3)).isNotNull();
        // once the state knows it, both are stopped
        h.hashAhead(third, HashInfo.MD5);
        h.readAhead(third, HashInfo.MD5, reader);
        assertThat(h.hashFile(third, HashInfo.MD5, reader).hash()).isEqualTo(second.hash());
        assertThat(LiveThreads.anyNamed("dvc-hash-ahead", "dvc-read-ahead")).isFalse();

        // ones nobody claims are stopped and waited for
        Path fourth = Files.write(tmp.resolve("fourth.bin"), content);
        h.hashAhead(fourth, HashInfo.MD5);
        h.readAhead(fourth, HashInfo.MD5, reader);
        h.cancelAheads();
        assertThat(LiveThreads.anyNamed("dvc-hash-ahead", "dvc-read-ahead")).isFalse();
    }
}
