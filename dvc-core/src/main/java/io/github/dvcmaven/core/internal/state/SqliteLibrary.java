package io.github.dvcmaven.core.internal.state;

import io.github.dvcmaven.core.internal.fs.NativeLibraries;
import java.nio.file.Path;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Loads sqlite-jdbc's JNI library from the user's cache ({@link NativeLibraries}) rather than letting
 * it unpack a fresh copy into the temp directory on every start. sqlite-jdbc takes the directory from
 * a system property, which is set only while it loads and then restored: other sqlite-jdbc users in the
 * same Maven JVM see nothing of it. If that copy does not load, sqlite-jdbc unpacks its own.
 */
final class SqliteLibrary {
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";
    private static boolean loaded;

    private SqliteLibrary() {}

    static synchronized void load() {
        if (loaded || System.getProperty(PATH) != null || System.getProperty(NAME) != null) {
            return;
        }
        loaded = true;
        String file = LibraryLoaderUtil.getNativeLibName();
        // the resource path asks sqlite-jdbc's OSInfo, which runs `uname`: only when not cached yet
        Path dir = NativeLibraries.directoryOf(
                SQLiteJDBCLoader.class, file, () -> LibraryLoaderUtil.getNativeLibResourcePath() + "/" + file);
        if (dir == null) {
            return;
        }
        System.setProperty(PATH, dir.toString());
        System.setProperty(NAME, file);
        try {
            SQLiteJDBCLoader.initialize();
        } catch (Exception e) {
            // the connection below reports it, after sqlite-jdbc's own attempt
        } finally {
            System.clearProperty(PATH);
            System.clearProperty(NAME);
        }
    }
}
