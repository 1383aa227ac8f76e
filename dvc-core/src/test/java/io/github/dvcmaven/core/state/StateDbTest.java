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

    @Test
    void keepsOneRowPerFileAcrossItsEditsAndProcesses(@TempDir Path dir) throws Exception {
        long t = 3_000_000_000_000L;
        Path file = dir.resolve("state.db");
        try (StateDb db = new StateDb(file)) {
            db.put(stat(5, t, 3), "md5", "first", t + 10_000_000_000L);
            db.put(stat(6, t, 3), "md5", "other file", t + 10_000_000_000L);
            db.flush();
            // edited in the same process, then in a later one
            db.put(stat(5, t + 1, 4), "md5", "second", t + 10_000_000_000L);
        }
        try (StateDb db = new StateDb(file)) {
            db.put(stat(5, t + 2, 5), "md5", "third", t + 10_000_000_000L);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT ino, hash FROM hashes ORDER BY ino")) {
            java.util.List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getLong(1) + "=" + rs.getString(2));
            }
            assertThat(rows).containsExactly("5=third", "6=other file");
        }
        try (StateDb db = new StateDb(file)) {
            assertThat(db.get(stat(5, t + 2, 5), "md5")).isEqualTo("third");
            assertThat(db.get(stat(5, t, 3), "md5")).isNull();
        }
    }

    @Test
    void aBackgroundFlushKeepsWhatIsPutMeanwhileAndTreesAreSeenBeforeTheyAreWritten(@TempDir Path dir) {
        long t = 4_000_000_000_000L;
        Path file = dir.resolve("state.db");
        StateDb.TreeRecord tree = new StateDb.TreeRecord("fp", "abc.dir", t, t + 10_000_000_000L);
        try (StateDb db = new StateDb(file)) {
            for (int i = 0; i < 5000; i++) {
                db.put(stat(100 + i, t, 1), "md5", "h" + i, t + 10_000_000_000L);
            }
            db.flushInBackground();
            db.put(stat(1, t, 1), "md5", "after", t + 10_000_000_000L);
            db.putTree("data", "md5", tree);
            assertThat(db.getTree("data", "md5")).isEqualTo(tree);
        }
        try (StateDb db = new StateDb(file)) {
            assertThat(db.get(stat(100, t, 1), "md5")).isEqualTo("h0");
            assertThat(db.get(stat(5099, t, 1), "md5")).isEqualTo("h4999");
            assertThat(db.get(stat(1, t, 1), "md5")).isEqualTo("after");
            assertThat(db.getTree("data", "md5")).isEqualTo(tree);
            assertThat(db.getTree("other", "md5")).isNull();
        }
    }

    @Test
    void flushesStartedWhileThreadsKeepPuttingLoseNothing(@TempDir Path dir) throws Exception {
        long t = 5_000_000_000_000L;
        Path file = dir.resolve("state.db");
        int threads = 4;
        int each = 6000;
        try (StateDb db = new StateDb(file)) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int base = 10_000 + w * each;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        db.put(stat(base + i, t, 1), "md5", "h" + (base + i), t + 10_000_000_000L);
                        if (i % 500 == 0) {
                            db.flushInBackground(); // as a big directory's hashing does, from several workers
                        }
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }
        try (StateDb db = new StateDb(file)) {
            for (int i = 10_000; i < 10_000 + threads * each; i++) {
                assertThat(db.get(stat(i, t, 1), "md5")).as("inode %d", i).isEqualTo("h" + i);
            }
        }
    }

    @Test
    void aFlushAskedForWhileOneRunsIsDoneByThatThreadNotDroppedUntilClose(@TempDir Path dir) throws Exception {
        long old = 1_000_000_000_000L;
        Path file = dir.resolve("state.db");
        try (StateDb db = new StateDb(file)) {
            db.put(stat(1, old, 1), "md5", "first", old + 10_000_000_000L);
            db.flush();
            try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                 java.sql.Statement st = other.createStatement()) {
                st.execute("BEGIN EXCLUSIVE");
                db.put(stat(2, old, 1), "md5", "second", old + 10_000_000_000L);
                db.flushInBackground(); // takes "second", then waits for the lock held here
                Thread.sleep(500);
                db.put(stat(3, old, 1), "md5", "third", old + 10_000_000_000L);
                db.flushInBackground(); // while that flush runs
                st.execute("ROLLBACK");
            }
            db.awaitBackground();
            assertThat(storedHashes(file)).containsExactlyInAnyOrder("first", "second", "third");
        }
    }

    private static java.util.List<String> storedHashes(Path file) throws java.sql.SQLException {
        java.util.List<String> hashes = new java.util.ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT hash FROM hashes")) {
            while (rs.next()) {
                hashes.add(rs.getString(1));
            }
        }
        return hashes;
    }
}
