package io.github.dvcmaven.core.internal.fs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The JNI libraries that JNA and sqlite-jdbc carry in their jars, unpacked once into the user's cache
 * instead of into a new temp file on every start: each goal would otherwise write, re-read, load and at
 * exit delete 1.2 MB, and sqlite-jdbc also spawns {@code uname} to pick the file (together 150–170 ms of
 * a goal's start on the development VM). A library is cached per jar file (its path, size and mtime)
 * and platform, written to a temp file and renamed into place, so a half-written one is never loaded.
 */
public final class NativeLibraries {
    /** Overrides the cache directory; tests point it at a temp directory. */
    public static final String CACHE_PROPERTY = "dvcmaven.nativeCache";

    private NativeLibraries() {}

    /**
     * The directory holding {@code fileName} as unpacked from the jar of {@code owner}; the resource is
     * looked up (by {@code resource}) only when it is not cached yet. Null when no cache can be made:
     * callers then leave the library to its own loader.
     */
    public static Path directoryOf(Class<?> owner, String fileName, Supplier<String> resource) {
        try {
            Path jar = jarOf(owner);
            Path root = cacheRoot();
            if (jar == null || root == null) {
                return null;
            }
            Path dir = root.resolve(key(jar));
            Path lib = dir.resolve(fileName);
            if (Files.isRegularFile(lib)) {
                return dir;
            }
            String name = resource.get();
            URL url = name == null ? null : owner.getResource(name);
            if (url == null) {
                return null;
            }
            try (InputStream in = url.openStream()) {
                AtomicWrite.copy(in, lib);
            }
            return dir;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Path cacheRoot() {
        String override = System.getProperty(CACHE_PROPERTY);
        if (override != null) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base;
        if (xdg != null && !xdg.isEmpty()) {
            base = Path.of(xdg);
        } else {
            String home = System.getProperty("user.home");
            if (home == null || home.isEmpty() || "?".equals(home)) {
                return null;
            }
            base = Path.of(home, ".cache");
        }
        return base.resolve("dvc-maven").resolve("native");
    }

    private static Path jarOf(Class<?> owner) {
        try {
            var source = owner.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** A name that changes with the jar's content (as far as path, size and mtime tell) and the platform. */
    private static String key(Path jar) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(jar, BasicFileAttributes.class);
        String identity = jar.toAbsolutePath() + "|" + attrs.size() + "|"
                + attrs.lastModifiedTime().toMillis() + "|" + System.getProperty("os.name") + "|"
                + System.getProperty("os.arch");
        // a name-based UUID is the identity's md5 with a few bits of its second half overwritten
        String md5 = UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "");
        String stem = jar.getFileName().toString().replaceAll("\\.jar$", "");
        return stem + "-" + md5.substring(0, 12);
    }
}
