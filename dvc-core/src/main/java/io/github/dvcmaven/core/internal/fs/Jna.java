package io.github.dvcmaven.core.internal.fs;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.nio.file.Path;

/**
 * Loads native libraries through JNA without its one-time search of the system library paths, which
 * on Linux runs {@code ldconfig -p} in a child process (tens of milliseconds on every goal): the
 * libraries here are loaded by their sonames, which the dynamic linker finds by itself. The system
 * property that skips the search is set only while JNA initialises and then restored, so other JNA users
 * in the same Maven JVM see nothing of it. So is the one that points JNA at its own JNI library unpacked
 * once into the user's cache ({@link NativeLibraries}), instead of into a new temp file on every start.
 */
public final class Jna {
    private static final String PLATFORM_PATH = "jna.platform.library.path";
    private static final String BOOT_PATH = "jna.boot.library.path";
    /** JNA reads its boot path once, when its first library is loaded. */
    private static boolean booted;

    private Jna() {}

    public static synchronized <T extends Library> T load(String name, Class<T> type) {
        String before = System.getProperty(PLATFORM_PATH);
        if (before == null) {
            System.setProperty(PLATFORM_PATH, "/usr/lib:/lib");
        }
        Path boot = booted || System.getProperty(BOOT_PATH) != null ? null : unpackedDispatchLibrary();
        booted = true;
        if (boot != null) {
            System.setProperty(BOOT_PATH, boot.toString());
        }
        try {
            return Native.load(name, type);
        } finally {
            if (before == null) {
                System.clearProperty(PLATFORM_PATH);
            }
            if (boot != null) {
                System.clearProperty(BOOT_PATH);
            }
        }
    }

    /** Where JNA's boot path finds its dispatch library: the name it looks for there, also in its jar. */
    private static Path unpackedDispatchLibrary() {
        String file = System.mapLibraryName("jnidispatch").replace(".dylib", ".jnilib");
        return NativeLibraries.directoryOf(
                Platform.class, file, () -> "/com/sun/jna/" + Platform.RESOURCE_PREFIX + "/" + file);
    }
}
