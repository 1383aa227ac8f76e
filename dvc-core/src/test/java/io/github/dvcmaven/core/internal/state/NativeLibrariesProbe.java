package io.github.dvcmaven.core.internal.state;

import io.github.dvcmaven.core.internal.fs.Jna;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in its own JVM by {@link NativeLibrariesTest}: opens a state database and loads a library through
 * JNA, then prints which JNI libraries the process mapped and the loader properties left behind.
 */
public final class NativeLibrariesProbe {
    public interface CLib extends com.sun.jna.Library {
        int getpid();
    }

    public static void main(String[] args) throws Exception {
        try (StateDb db = new StateDb(Path.of(args[0]))) {
            db.putTree("x", "md5", new StateDb.TreeRecord("f", "h", 0, 0));
            db.flush();
        }
        Jna.load("c", CLib.class).getpid();
        Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .filter(l -> l.contains("sqlitejdbc") || l.contains("jnidispatch"))
                .map(l -> "mapped " + l.substring(l.indexOf('/')))
                .distinct()
                .forEach(System.out::println);
        for (String p : new String[] {"org.sqlite.lib.path", "org.sqlite.lib.name", "jna.boot.library.path"}) {
            System.out.println("property " + p + "=" + System.getProperty(p));
        }
    }
}
