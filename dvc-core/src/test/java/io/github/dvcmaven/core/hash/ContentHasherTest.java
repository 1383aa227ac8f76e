package io.github.dvcmaven.core.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.event.RepoListener;
import io.github.dvcmaven.core.fs.DvcIgnore;
import io.github.dvcmaven.core.fs.TreeWalker;
import io.github.dvcmaven.core.state.StateDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state database's promise: an unchanged file is never read twice, also inside a changed directory. */
class ContentHasherTest {
    @TempDir
    Path tmp;

    private final AtomicInteger reads = new AtomicInteger();
    private final ContentHasher.ContentReader countingReader = (f, size, algo) -> {
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
            ContentHasher.TreeHash first = hasher(state).hashDir(tmp.resolve("data"), "data", HashInfo.MD5, countingReader);
            assertThat(reads.get()).isEqualTo(200);
            assertThat(first.manifest().entries()).hasSize(200);

            reads.set(0);
            ContentHasher.TreeHash again = hasher(state).hashDir(tmp.resolve("data"), "data", HashInfo.MD5, countingReader);
            assertThat(reads.get()).isZero();
            assertThat(again.hash()).isEqualTo(first.hash());

            Path changed = tmp.resolve("data/sub/f7");
            Files.writeString(changed, "a different content 7");
            age(changed);
            Files.setLastModifiedTime(changed, FileTime.from(Instant.now().minusSeconds(30)));
            reads.set(0);
            ContentHasher.TreeHash after = hasher(state).hashDir(tmp.resolve("data"), "data", HashInfo.MD5, countingReader);
            assertThat(reads.get()).as("only the changed file is read").isEqualTo(1);
            assertThat(after.hash()).isNotEqualTo(first.hash());
            assertThat(after.manifest().asMap().get("sub/f7")).isEqualTo(FileHasher.md5Hex("a different content 7".getBytes()));
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
        java.util.function.BiFunction<String, io.github.dvcmaven.core.fs.FileStat, TreeWalker.Entry> entry =
                (rel, st) -> new TreeWalker.Entry(rel, tmp.resolve(rel), st, false);
        java.util.List<TreeWalker.Entry> base = new java.util.ArrayList<>();
        for (int i = 0; i < 6000; i++) {   // above the size that is fingerprinted in parallel slices
            base.add(entry.apply("d/f" + i, new io.github.dvcmaven.core.fs.FileStat(5, 1000 + i, 7_000L + i, 10, -1, true, false)));
        }
        String fp = h.fingerprint(base);
        java.util.List<TreeWalker.Entry> reversed = new java.util.ArrayList<>(base);
        java.util.Collections.reverse(reversed);
        assertThat(h.fingerprint(reversed)).isEqualTo(fp);
        assertThat(h.fingerprint(base.subList(0, 5999))).isNotEqualTo(fp);
        io.github.dvcmaven.core.fs.FileStat s = base.get(42).stat();
        java.util.List<io.github.dvcmaven.core.fs.FileStat> changedStats = java.util.List.of(
                new io.github.dvcmaven.core.fs.FileStat(s.device() + 1, s.inode(), s.mtimeNanos(), s.size(), -1, true, false),
                new io.github.dvcmaven.core.fs.FileStat(s.device(), s.inode() + 1, s.mtimeNanos(), s.size(), -1, true, false),
                new io.github.dvcmaven.core.fs.FileStat(s.device(), s.inode(), s.mtimeNanos() + 1, s.size(), -1, true, false),
                new io.github.dvcmaven.core.fs.FileStat(s.device(), s.inode(), s.mtimeNanos(), s.size() + 1, -1, true, false));
        for (io.github.dvcmaven.core.fs.FileStat changed : changedStats) {
            java.util.List<TreeWalker.Entry> edited = new java.util.ArrayList<>(base);
            edited.set(42, entry.apply("d/f42", changed));
            assertThat(h.fingerprint(edited)).as("stat %s", changed).isNotEqualTo(fp);
        }
        // a rename that keeps the stat, also to a name with the same String.hashCode ("Aa" / "BB")
        java.util.List<TreeWalker.Entry> renamed = new java.util.ArrayList<>(base);
        renamed.set(42, entry.apply("d/g42", s));
        assertThat(h.fingerprint(renamed)).isNotEqualTo(fp);
        java.util.List<TreeWalker.Entry> one = java.util.List.of(entry.apply("Aa", s));
        assertThat(h.fingerprint(one)).isNotEqualTo(h.fingerprint(java.util.List.of(entry.apply("BB", s))));
    }

    @Test
    void aReadAheadIsUsedOnlyForTheFileAsItWasRead() throws Exception {
        ContentHasher h = hasher(new StateDb(tmp.resolve("state.db")));
        Path big = Files.write(tmp.resolve("big.bin"), new byte[3_000_000]);
        AtomicInteger finished = new AtomicInteger();
        ContentHasher.ContentReader reader = (f, size, algo) -> {
            String v = FileHasher.hash(f, algo);
            finished.incrementAndGet();
            return v;
        };
        h.readAhead(big, HashInfo.MD5, reader);
        ContentHasher.FileHash first = h.hashFile(big, HashInfo.MD5, reader);
        assertThat(first.hash().value()).isEqualTo(FileHasher.hash(big, HashInfo.MD5));
        assertThat(finished.get()).as("read once, ahead").isEqualTo(1);

        // changed after it was read ahead: the stale result is dropped and the file read again
        big = Files.write(tmp.resolve("other.bin"), new byte[3_000_000]);
        h.readAhead(big, HashInfo.MD5, reader);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (finished.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Files.write(big, new byte[3_000_001]);
        ContentHasher.FileHash second = h.hashFile(big, HashInfo.MD5, reader);
        assertThat(second.hash().value()).isEqualTo(FileHasher.hash(big, HashInfo.MD5))
                .isNotEqualTo(first.hash().value());
        assertThat(second.meta().size()).isEqualTo(3_000_001L);
        assertThat(finished.get()).isEqualTo(3);

        // one nobody claims is stopped and waited for
        h.readAhead(big, HashInfo.MD5, reader);
        h.cancelReadAheads();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("dvc-read-ahead") && t.isAlive());
    }
}
