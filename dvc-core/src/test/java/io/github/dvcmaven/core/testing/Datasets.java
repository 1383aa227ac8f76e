package io.github.dvcmaven.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;

/** Data a user really has: awkward names, empty files and dirs, exec bits, symlinks, CRLF, big binaries. */
public final class Datasets {
    private Datasets() {}

    public static void writeMixed(Path root, long bigFileBytes) {
        try {
            Path d = root.resolve("data");
            Files.createDirectories(d.resolve("nested/deeper/deepest"));
            Files.createDirectories(d.resolve("empty-dir"));
            Files.createDirectories(d.resolve("with space"));
            Files.createDirectories(d.resolve("ünïcødé"));
            Files.writeString(d.resolve("a-b"), "dash\n");
            Files.writeString(d.resolve("a_b"), "underscore\n");
            Files.writeString(d.resolve("a.b"), "dot\n");
            Files.createDirectories(d.resolve("a"));
            Files.writeString(d.resolve("a/b"), "slash\n");
            Files.writeString(d.resolve("with space/file name.txt"), "spaces\n");
            Files.writeString(d.resolve("ünïcødé/日本語.csv"), "id,name\n1,é\n", StandardCharsets.UTF_8);
            Files.writeString(d.resolve("emoji-😀.txt"), "astral\n");
            Files.write(d.resolve("empty.txt"), new byte[0]);
            Files.writeString(d.resolve("crlf.txt"), "line one\r\nline two\r\n");
            Files.writeString(d.resolve("nested/deeper/deepest/leaf.json"), "{\"a\": 1}\n");
            Path script = d.resolve("run.sh");
            Files.writeString(script, "#!/bin/sh\necho hi\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createSymbolicLink(d.resolve("link-to-a-b"), Path.of("a-b"));
            writeRandom(d.resolve("nested/blob.bin"), bigFileBytes, 7);
            Files.writeString(root.resolve("single.txt"), "one file\n");
            Path exec = root.resolve("tool.sh");
            Files.writeString(exec, "#!/bin/sh\n");
            Files.setPosixFilePermissions(exec, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(root.resolve("windows.txt"), "a\r\nb\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeRandom(Path file, long bytes, long seed) throws IOException {
        Random r = new Random(seed);
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            long left = bytes;
            while (left > 0) {
                r.nextBytes(buf);
                int n = (int) Math.min(buf.length, left);
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }

    /** Copies a tree, keeping symlinks as links and exec bits. */
    public static void copyTree(Path from, Path to) {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
