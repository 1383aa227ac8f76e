package io.github.dvcmaven.core.fs;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Loads native libraries through JNA without its one-time search of the system library paths, which
 * on Linux runs {@code ldconfig -p} in a child process (tens of milliseconds on every goal): the
 * libraries here are loaded by their sonames, which the dynamic linker finds by itself. The system
 * property that skips the search is set only while JNA initialises and then restored, so other JNA users
 * in the same Maven JVM see nothing of it.
 */
public final class Jna {
    private static final String PLATFORM_PATH = "jna.platform.library.path";

    private Jna() {}

    public static synchronized <T extends Library> T load(String name, Class<T> type) {
        String before = System.getProperty(PLATFORM_PATH);
        if (before == null) {
            System.setProperty(PLATFORM_PATH, "/usr/lib:/lib");
        }
        try {
            return Native.load(name, type);
        } finally {
            if (before == null) {
                System.clearProperty(PLATFORM_PATH);
            }
        }
    }
}
