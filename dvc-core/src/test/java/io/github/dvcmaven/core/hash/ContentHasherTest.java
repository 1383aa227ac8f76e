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
}
