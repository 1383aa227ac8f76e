package io.github.dvcmaven.core.internal.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Tells directories without subdirectories from their link count, as find(1) does: on the file systems
 * named here a directory has 2 links plus one per subdirectory, so one stat of a data directory spares a
 * stat of each of its (often thousands of) files when only subdirectories and a few names matter. Other
 * file systems (btrfs reports 1, network and FUSE ones anything) and directories on another device
 * (a mount point) are never called leaves.
 */
public final class LeafDirectories {
    private static final Set<String> COUNTING_FILE_SYSTEMS = Set.of("ext2", "ext3", "ext4", "xfs", "tmpfs");
    private static final LeafDirectories NONE = new LeafDirectories(-1);

    private final long device;

    private LeafDirectories(long device) {
        this.device = device;
    }

    /** For walks under {@code root}. */
    public static LeafDirectories of(Path root) {
        try {
            if (!COUNTING_FILE_SYSTEMS.contains(Files.getFileStore(root).type())) {
                return NONE;
            }
            return new LeafDirectories((Long) Files.getAttribute(root, "unix:dev"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return NONE;
        }
    }

    /** True only if {@code dir} certainly has no subdirectory. */
    public boolean isLeaf(Path dir) {
        if (device == -1) {
            return false;
        }
        try {
            Map<String, Object> a = Files.readAttributes(dir, "unix:nlink,dev");
            return ((Integer) a.get("nlink")) == 2 && ((Long) a.get("dev")) == device;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return false;
        }
    }
}
