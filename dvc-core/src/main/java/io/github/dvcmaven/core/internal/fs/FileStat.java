package io.github.dvcmaven.core.internal.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the state database keys a hash on (device, inode, mtime in ns, size) and what dvc records beside
 * it (the exec bits), read with one stat. This runs once per file on every status, so it avoids the
 * slower "unix:*" attribute map when the platform's file key can be read directly.
 */
public record FileStat(
        long device, long inode, long mtimeNanos, long size, int mode, boolean regularFile, boolean directory) {
    private static final String ATTRIBUTES = "unix:dev,ino,lastModifiedTime,size,mode";

    /** Stat through symlinks. */
    public static FileStat of(Path path) throws IOException {
        return read(path);
    }

    /** Stat of the link itself, not its target. */
    public static FileStat ofLink(Path path) throws IOException {
        return read(path, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The walker's cheaper stat of the entry itself: no permission bits (mode -1), which members of a
     * tracked directory do not need. Symlinks come back as neither file nor directory.
     */
    public static FileStat ofEntry(Path path) throws IOException {
        return readBasic(path, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Stat through symlinks without the permission bits (mode -1): enough to see whether a file changed
     * while it was read, at the cost of the walker's stat.
     */
    public static FileStat ofContent(Path path) throws IOException {
        return readBasic(path);
    }

    private static FileStat readBasic(Path path, LinkOption... options) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, options);
        long[] key = parseKey(a.fileKey());
        if (key == null) {
            return readMap(path, options);
        }
        return new FileStat(
                key[0],
                key[1],
                a.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                a.size(),
                -1,
                a.isRegularFile(),
                a.isDirectory());
    }

    private static FileStat read(Path path, LinkOption... options) throws IOException {
        PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class, options);
        long[] key = parseKey(a.fileKey());
        if (key == null) {
            return readMap(path, options);
        }
        int mode = 0;
        for (PosixFilePermission p : a.permissions()) {
            mode |= modeBit(p);
        }
        return new FileStat(
                key[0],
                key[1],
                a.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                a.size(),
                mode,
                a.isRegularFile(),
                a.isDirectory());
    }

    /** The JDK's Unix file key prints as "(dev=<unsigned hex>,ino=<signed decimal>)"; parsed in place, per stat. */
    static long[] parseKey(Object fileKey) {
        if (fileKey == null) {
            return null;
        }
        String s = fileKey.toString();
        int dev = s.indexOf("dev=");
        int ino = s.indexOf(",ino=");
        if (!s.startsWith("(") || dev < 0 || ino < 0 || !s.endsWith(")")) {
            return null;
        }
        try {
            return new long[] {
                Long.parseUnsignedLong(s, dev + 4, ino, 16), Long.parseLong(s, ino + 5, s.length() - 1, 10)
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static FileStat readMap(Path path, LinkOption... options) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES, options);
        int mode = (Integer) a.get("mode");
        int type = mode & 0170000;
        return new FileStat(
                (Long) a.get("dev"),
                (Long) a.get("ino"),
                ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS),
                (Long) a.get("size"),
                mode & 07777,
                type == 0100000,
                type == 0040000);
    }

    /**
     * Whether this later stat shows the same file state as {@code earlier}: same inode, mtime and size,
     * so nothing was written or swapped in between.
     */
    public boolean unchangedSince(FileStat earlier) {
        return inode == earlier.inode && mtimeNanos == earlier.mtimeNanos && size == earlier.size;
    }

    /** dvc's isexec: any of the user, group or other execute bits. */
    public boolean isExecutable() {
        return mode > 0 && (mode & 0111) != 0;
    }

    private static int modeBit(PosixFilePermission p) {
        return switch (p) {
            case OWNER_READ -> 0400;
            case OWNER_WRITE -> 0200;
            case OWNER_EXECUTE -> 0100;
            case GROUP_READ -> 040;
            case GROUP_WRITE -> 020;
            case GROUP_EXECUTE -> 010;
            case OTHERS_READ -> 04;
            case OTHERS_WRITE -> 02;
            case OTHERS_EXECUTE -> 01;
        };
    }
}
