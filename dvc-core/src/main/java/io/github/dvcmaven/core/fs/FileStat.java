package io.github.dvcmaven.core.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the state database keys a hash on (device, inode, mtime in ns, size) and what dvc records beside
 * it (the exec bits), read with one stat through the link.
 */
public record FileStat(long device, long inode, long mtimeNanos, long size, int mode, boolean regularFile,
                       boolean directory) {
    private static final String ATTRIBUTES = "unix:dev,ino,lastModifiedTime,size,mode";

    public static FileStat of(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES);
        int mode = (Integer) a.get("mode");
        int type = mode & 0170000;
        return new FileStat((Long) a.get("dev"), (Long) a.get("ino"), nanos((FileTime) a.get("lastModifiedTime")),
                (Long) a.get("size"), mode & 07777, type == 0100000, type == 0040000);
    }

    /** Stat of the link itself, not its target. */
    public static FileStat ofLink(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        int type = mode & 0170000;
        return new FileStat((Long) a.get("dev"), (Long) a.get("ino"), nanos((FileTime) a.get("lastModifiedTime")),
                (Long) a.get("size"), mode & 07777, type == 0100000, type == 0040000);
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }

    /** dvc's isexec: any of the user, group or other execute bits. */
    public boolean isExecutable() {
        return (mode & 0111) != 0;
    }
}
