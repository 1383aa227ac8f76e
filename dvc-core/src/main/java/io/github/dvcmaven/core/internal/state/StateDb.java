package io.github.dvcmaven.core.internal.state;

import io.github.dvcmaven.core.internal.DaemonThreads;
import io.github.dvcmaven.core.internal.fs.FileStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Remembers file hashes by (device, inode, mtime, size, algorithm), so an unchanged file is never hashed
 * twice, wherever it sits (also inside a changed directory, and after a rename or a hardlink checkout).
 * Entries whose mtime is too close to the moment they were hashed are not trusted: a write in the same
 * timestamp tick could have followed the hash (git's "racy" rule). Reads are served from memory; new
 * entries are written in one transaction by {@link #flush()}.
 */
public final class StateDb implements AutoCloseable {
    /** Anything modified less than this before it was hashed may have changed unseen. */
    static final long RACY_WINDOW_NANOS = 2_000_000_000L;

    private record Key(long device, long inode, long mtimeNanos, long size, String algorithm) {}

    private record Entry(String hash, long hashedAtNanos) {}

    /** A file's identity in the table, whatever its content. */
    private record Inode(long device, long inode, String algorithm) {}

    private final Path file;
    /** Sized for a 100,000-file directory: growing a map that size costs more than its table. */
    private static final int EXPECTED_FILES = 1 << 17;

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>(EXPECTED_FILES);
    private final Map<Key, Entry> pending = new ConcurrentHashMap<>(EXPECTED_FILES);
    /** Inodes with a row in the table: only these can hold an older state to delete when one is written. */
    private final Set<Inode> stored = ConcurrentHashMap.newKeySet(EXPECTED_FILES);

    private final Map<List<String>, TreeRecord> pendingTrees = new ConcurrentHashMap<>();
    /** The thread opening or flushing the database in the background, if one was started. */
    private volatile Thread background;

    private final Object startingFlush = new Object();
    /** A flush asked for while a background thread ran: that thread does it before it ends. */
    private boolean flushRequested;

    private volatile boolean loaded;
    private Connection connection;

    /** Why the database is not used (null while it is): set once, said once, then every call goes without it. */
    private volatile String unavailable;

    private final Consumer<String> onUnavailable;

    public StateDb(Path file) {
        this(file, why -> {});
    }

    /** @param onUnavailable told once, if the database cannot be used: the run goes on rehashing what it needs */
    public StateDb(Path file, Consumer<String> onUnavailable) {
        this.file = file;
        this.onUnavailable = onUnavailable;
    }

    /** The no-state mode: files are hashed again rather than looked up; the reason is given once. */
    private void unavailable(Throwable cause) {
        if (unavailable == null) {
            unavailable = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            onUnavailable.accept("the hash state database " + file + " cannot be used (" + unavailable
                    + "); going on without it, so unchanged files are hashed again");
        }
    }

    /** Why the state database is not in use, or null when it is. */
    public String unavailableReason() {
        return unavailable;
    }

    /** A remembered hash for this exact file state, if one can be trusted. */
    public String get(FileStat stat, String algorithm) {
        ensureLoaded();
        Entry e = entries.get(key(stat, algorithm));
        if (e == null || e.hashedAtNanos - stat.mtimeNanos() < RACY_WINDOW_NANOS) {
            return null;
        }
        return e.hash;
    }

    public void put(FileStat stat, String algorithm, String hash, long hashedAtNanos) {
        Key k = key(stat, algorithm);
        Entry e = new Entry(hash, hashedAtNanos);
        Entry old = entries.put(k, e);
        if (old == null || !old.equals(e)) {
            pending.put(k, e);
        }
    }

    /** A directory's tree hash, remembered with a fingerprint of every member's path and stat. */
    public record TreeRecord(String fingerprint, String hash, long maxMtimeNanos, long hashedAtNanos) {
        public boolean trusted() {
            return hashedAtNanos - maxMtimeNanos >= RACY_WINDOW_NANOS;
        }
    }

    public TreeRecord getTree(String path, String algorithm) {
        TreeRecord written = pendingTrees.get(List.of(path, algorithm));
        return written != null ? written : storedTree(path, algorithm);
    }

    private synchronized TreeRecord storedTree(String path, String algorithm) {
        try {
            Connection c = connection();
            if (c == null) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT fingerprint, hash, max_mtime_ns, hashed_at_ns FROM trees WHERE path = ? AND algorithm = ?")) {
                ps.setString(1, path);
                ps.setString(2, algorithm);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? new TreeRecord(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))
                            : null;
                }
            }
        } catch (SQLException e) {
            unavailable(e);
            return null;
        }
    }

    /** Remembers a tree hash; written with the file states by {@link #flush()}. */
    public void putTree(String path, String algorithm, TreeRecord record) {
        pendingTrees.put(List.of(path, algorithm), record);
    }

    private static void writeTrees(Connection c, Map<List<String>, TreeRecord> trees) throws SQLException {
        if (trees.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO trees"
                + " (path, algorithm, fingerprint, hash, max_mtime_ns, hashed_at_ns) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<List<String>, TreeRecord> e : trees.entrySet()) {
                TreeRecord record = e.getValue();
                ps.setString(1, e.getKey().get(0));
                ps.setString(2, e.getKey().get(1));
                ps.setString(3, record.fingerprint());
                ps.setString(4, record.hash());
                ps.setLong(5, record.maxMtimeNanos());
                ps.setLong(6, record.hashedAtNanos());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Whether this .dir object was verified complete while the cache's object directories looked like this. */
    public synchronized boolean isComplete(String dirHash, String cacheFingerprint) {
        try {
            Connection c = connection();
            if (c == null) {
                return false;
            }
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT 1 FROM complete_trees WHERE dir_hash = ? AND cache_fingerprint = ?")) {
                ps.setString(1, dirHash);
                ps.setString(2, cacheFingerprint);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        } catch (SQLException e) {
            unavailable(e);
            return false;
        }
    }

    public synchronized void putComplete(String dirHash, String cacheFingerprint) {
        try {
            Connection c = connection();
            if (c == null) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO complete_trees (dir_hash, cache_fingerprint) VALUES (?, ?)")) {
                ps.setString(1, dirHash);
                ps.setString(2, cacheFingerprint);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            unavailable(e);
        }
    }

    /**
     * Records a hash for a file this process just wrote from verified content, which no other writer can
     * have raced; it is trusted at once.
     */
    public void putTrusted(FileStat stat, String algorithm, String hash) {
        put(
                stat,
                algorithm,
                hash,
                Math.max(System.currentTimeMillis() * 1_000_000L, stat.mtimeNanos() + RACY_WINDOW_NANOS));
    }

    private static Inode inode(Key k) {
        return new Inode(k.device, k.inode, k.algorithm);
    }

    private static void addDelete(PreparedStatement del, Key k) throws SQLException {
        del.setLong(1, k.device);
        del.setLong(2, k.inode);
        del.setString(3, k.algorithm);
        del.setLong(4, k.mtimeNanos);
        del.setLong(5, k.size);
        del.addBatch();
    }

    private static Key key(FileStat s, String algorithm) {
        return new Key(s.device(), s.inode(), s.mtimeNanos(), s.size(), algorithm);
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (loaded) {
                return;
            }
            try {
                Connection c = connection();
                if (c != null) {
                    try (Statement st = c.createStatement();
                            ResultSet rs = st.executeQuery(
                                    "SELECT dev, ino, mtime_ns, size, algorithm, hash, hashed_at_ns FROM hashes")) {
                        while (rs.next()) {
                            Key k = new Key(
                                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5));
                            entries.putIfAbsent(k, new Entry(rs.getString(6), rs.getLong(7)));
                            stored.add(inode(k));
                        }
                    }
                }
            } catch (SQLException e) {
                // an unreadable state only costs rehashing; start empty
                unavailable(e);
                entries.clear();
                stored.clear();
            }
            loaded = true;
        }
    }

    private Connection connection() throws SQLException {
        if (unavailable != null) {
            return null;
        }
        if (connection == null) {
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                unavailable(e);
                return null;
            }
            try {
                SqliteLibrary.load();
            } catch (RuntimeException | LinkageError e) {
                unavailable(e);
                return null;
            }
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
                st.execute("CREATE TABLE IF NOT EXISTS hashes (dev INTEGER NOT NULL, ino INTEGER NOT NULL,"
                        + " mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL, algorithm TEXT NOT NULL,"
                        + " hash TEXT NOT NULL, hashed_at_ns INTEGER NOT NULL,"
                        + " PRIMARY KEY (dev, ino, mtime_ns, size, algorithm)) WITHOUT ROWID");
                st.execute("CREATE TABLE IF NOT EXISTS trees (path TEXT NOT NULL, algorithm TEXT NOT NULL,"
                        + " fingerprint TEXT NOT NULL, hash TEXT NOT NULL, max_mtime_ns INTEGER NOT NULL,"
                        + " hashed_at_ns INTEGER NOT NULL, PRIMARY KEY (path, algorithm))");
                st.execute("CREATE TABLE IF NOT EXISTS complete_trees (dir_hash TEXT PRIMARY KEY,"
                        + " cache_fingerprint TEXT NOT NULL)");
            }
        }
        return connection;
    }

    /** Writes new entries; cheap when there are none. */
    public synchronized void flush() {
        if (pending.isEmpty() && pendingTrees.isEmpty()) {
            return;
        }
        ensureLoaded();
        List<Map.Entry<Key, Entry>> batch = new ArrayList<>(pending.entrySet());
        Map<List<String>, TreeRecord> trees = Map.copyOf(pendingTrees);
        try {
            Connection c = connection();
            if (c == null) {
                return;
            }
            c.setAutoCommit(false);
            // an inode holds one content at a time: older states of the same file are dead weight
            try (PreparedStatement del = c.prepareStatement("DELETE FROM hashes WHERE dev = ? AND ino = ?"
                            + " AND algorithm = ? AND (mtime_ns <> ? OR size <> ?)");
                    PreparedStatement ins = c.prepareStatement(
                            "INSERT OR REPLACE INTO hashes"
                                    + " (dev, ino, mtime_ns, size, algorithm, hash, hashed_at_ns) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                boolean deletes = false;
                for (Map.Entry<Key, Entry> e : batch) {
                    Key k = e.getKey();
                    if (stored.contains(inode(k))) {
                        deletes = true;
                        addDelete(del, k);
                    }
                    ins.setLong(1, k.device);
                    ins.setLong(2, k.inode);
                    ins.setLong(3, k.mtimeNanos);
                    ins.setLong(4, k.size);
                    ins.setString(5, k.algorithm);
                    ins.setString(6, e.getValue().hash);
                    ins.setLong(7, e.getValue().hashedAtNanos);
                    ins.addBatch();
                }
                if (deletes) {
                    del.executeBatch();
                }
                ins.executeBatch();
            }
            writeTrees(c, trees);
            c.commit();
            c.setAutoCommit(true);
            for (Map.Entry<Key, Entry> e : batch) {
                pending.remove(e.getKey(), e.getValue());
                stored.add(inode(e.getKey()));
            }
            trees.forEach(pendingTrees::remove); // only the records written (a newer one stays pending)
        } catch (SQLException e) {
            // losing state entries only costs rehashing later
            unavailable(e);
            try {
                if (connection != null) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            } catch (SQLException ignored) {
                // nothing more to do
            }
        }
    }

    /**
     * Opens the database on another thread (a fifth of a second: SQLite's native library is loaded and
     * the schema checked), so the caller's first lookup finds it open; lookups wait for it.
     */
    public void openInBackground() {
        if (connection != null || background != null) {
            return;
        }
        background = DaemonThreads.start("dvc-state-open", () -> {
            synchronized (this) {
                try {
                    connection();
                } catch (SQLException | RuntimeException | LinkageError e) {
                    unavailable(e);
                }
            }
            flushWhileRequested();
        });
    }

    /**
     * Starts writing what is pending on another thread, so a caller with other work (building a big
     * directory's manifest) overlaps it; {@link #flush()} and {@link #close()} wait for it.
     */
    public void flushInBackground() {
        // not the object's monitor: a flush holds that, and callers hashing meanwhile must not wait for it
        synchronized (startingFlush) {
            Thread running = background;
            if (running != null && running.isAlive()) {
                flushRequested = true;
                return;
            }
            if (pending.isEmpty()) {
                return;
            }
            background = DaemonThreads.start("dvc-state-flush", () -> {
                flush();
                flushWhileRequested();
            });
        }
    }

    /** The end of a background thread: the flushes asked for while it ran, then the thread is gone. */
    private void flushWhileRequested() {
        while (true) {
            synchronized (startingFlush) {
                if (!flushRequested) {
                    background = null;
                    return;
                }
                flushRequested = false;
            }
            flush();
        }
    }

    /** Waits for the background thread, if one runs. */
    void awaitBackground() {
        Thread t = background;
        if (t == null) {
            return;
        }
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (startingFlush) {
            if (background == t) {
                background = null; // it ended without clearing it (it failed)
            }
        }
    }

    @Override
    public void close() {
        awaitBackground();
        closeConnection();
    }

    private synchronized void closeConnection() {
        flush();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a read cache cannot lose data that matters
            }
            connection = null;
        }
    }
}
