package io.github.dvcmaven.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.fs.FileStat;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDbTest {
    private static FileStat stat(long inode, long mtime, long size) {
        return new FileStat(1, inode, mtime, size, 0644, true, false);
    }

    @Test
    void persistsAndKeysOnInodeMtimeSize(@TempDir Path dir) {
        long old = 1_000_000_000_000L;
        try (StateDb db = new StateDb(dir.resolve("state.db"))) {
            db.put(stat(7, old, 3), "md5", "abc", old + 10_000_000_000L);
        }
        try (StateDb db = new StateDb(dir.resolve("state.db"))) {
            assertThat(db.get(stat(7, old, 3), "md5")).isEqualTo("abc");
            assertThat(db.get(stat(7, old + 1, 3), "md5")).isNull();
            assertThat(db.get(stat(7, old, 4), "md5")).isNull();
            assertThat(db.get(stat(8, old, 3), "md5")).isNull();
            assertThat(db.get(stat(7, old, 3), "md5-dos2unix")).isNull();
        }
    }

    @Test
    void doesNotTrustAHashTakenInTheSameTickAsTheLastWrite(@TempDir Path dir) {
        long mtime = 2_000_000_000_000L;
        try (StateDb db = new StateDb(dir.resolve("state.db"))) {
            db.put(stat(9, mtime, 3), "md5", "racy", mtime + 1_000_000L);
            assertThat(db.get(stat(9, mtime, 3), "md5")).isNull();
            db.putTrusted(stat(9, mtime, 3), "md5", "written-by-us");
            assertThat(db.get(stat(9, mtime, 3), "md5")).isEqualTo("written-by-us");
        }
    }
}
