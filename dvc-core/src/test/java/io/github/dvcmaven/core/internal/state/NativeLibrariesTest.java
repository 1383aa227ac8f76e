package io.github.dvcmaven.core.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.internal.fs.NativeLibraries;
import io.github.dvcmaven.core.testing.Proc;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class NativeLibrariesTest {
    private static final String SQLITE = LibraryLoaderUtil.getNativeLibName();

    @Test
    void unpacksALibraryOnceFromItsJarAndThenReusesIt(@TempDir Path dir) throws IOException {
        String before = System.getProperty(NativeLibraries.CACHE_PROPERTY);
        System.setProperty(NativeLibraries.CACHE_PROPERTY, dir.toString());
        try {
            AtomicInteger lookups = new AtomicInteger();
            String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + SQLITE;
            Path first = NativeLibraries.directoryOf(SQLiteJDBCLoader.class, SQLITE, () -> {
                lookups.incrementAndGet();
                return resource;
            });
            assertThat(first).startsWith(dir);
            Path lib = first.resolve(SQLITE);
            try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
                assertThat(Files.readAllBytes(lib)).isEqualTo(in.readAllBytes());
            }
            Object inode = Files.getAttribute(lib, "unix:ino");

            Path second = NativeLibraries.directoryOf(SQLiteJDBCLoader.class, SQLITE, () -> {
                lookups.incrementAndGet();
                return resource;
            });
            assertThat(second).isEqualTo(first);
            assertThat(lookups).hasValue(1);
            assertThat(Files.getAttribute(lib, "unix:ino")).isEqualTo(inode);
            try (Stream<Path> files = Files.list(first)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SQLITE);
            }
            // a class outside any jar (these tests' own classes) has nothing to unpack
            assertThat(NativeLibraries.directoryOf(NativeLibrariesTest.class, SQLITE, () -> resource))
                    .isNull();
        } finally {
            if (before == null) {
                System.clearProperty(NativeLibraries.CACHE_PROPERTY);
            } else {
                System.setProperty(NativeLibraries.CACHE_PROPERTY, before);
            }
        }
    }

    @Test
    void sqliteAndJnaLoadTheirLibrariesFromTheCacheNotFromNewTempFiles(@TempDir Path dir) throws IOException {
        Path cache = dir.resolve("cache");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        for (int run = 1; run <= 2; run++) {
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-D" + NativeLibraries.CACHE_PROPERTY + "=" + cache,
                    "-Djava.io.tmpdir=" + tmp,
                    "-Djna.tmpdir=" + tmp,
                    "-cp",
                    System.getProperty("java.class.path"),
                    NativeLibrariesProbe.class.getName(),
                    dir.resolve("state-" + run + ".db").toString()));
            String out = Proc.run(dir, Map.of(), null, cmd).assertOk().out();
            assertThat(out).contains("mapped " + cache).contains(SQLITE).contains("jnidispatch");
            assertThat(out.lines().filter(l -> l.startsWith("mapped ")))
                    .allSatisfy(l -> assertThat(l).startsWith("mapped " + cache));
            assertThat(out)
                    .contains(
                            "property org.sqlite.lib.path=null",
                            "property org.sqlite.lib.name=null",
                            "property jna.boot.library.path=null");
            try (Stream<Path> left = Files.walk(tmp)) {
                assertThat(left.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }
}
