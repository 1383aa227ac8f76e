package io.github.dvcmaven.core.internal.fs;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import java.nio.file.Path;

/**
 * The few system calls Java lacks and dvc compatibility needs: {@code flock(2)} (dvc locks its repo
 * with flock, which Java's fcntl-based FileChannel.lock does not exclude) and copy-on-write clones
 * ({@code FICLONE} on Linux, {@code clonefile} on macOS) for the {@code reflink} cache type, and a
 * thread's scheduling priority.
 */
public final class NativeFs {
    private static final int LOCK_EX = 2;
    private static final int LOCK_NB = 4;
    private static final int LOCK_UN = 8;
    private static final int O_RDONLY = 0;
    private static final int O_RDWR = 2;
    private static final long FICLONE = 0x40049409L;
    private static final int PRIO_PROCESS = 0;

    private interface CLib extends Library {
        int open(String path, int flags, int mode) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        int flock(int fd, int operation) throws LastErrorException;

        int ioctl(int fd, NativeLong request, int arg) throws LastErrorException;

        int clonefile(String src, String dst, int flags) throws LastErrorException;

        int getpriority(int which, int who) throws LastErrorException;

        int setpriority(int which, int who, int prio) throws LastErrorException;
    }

    private static final CLib C = load();

    private NativeFs() {}

    private static volatile String loadFailure; // set by load(), which runs first (no initializer here)

    private static CLib load() {
        try {
            CLib lib = Jna.load(Platform.C_LIBRARY_NAME, CLib.class);
            loadFailure = null;
            return lib;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            loadFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            return null;
        } catch (NoClassDefFoundError e) {
            loadFailure = "JNA is not on the class path (" + e.getMessage() + ")";
            return null;
        }
    }

    /** Why the C library is not available, or null when it is. */
    public static String unavailableReason() {
        return C != null ? null : loadFailure;
    }

    public static boolean available() {
        return C != null && !Platform.isWindows();
    }

    /** Opens a file for locking; returns the descriptor. */
    public static int openForLock(Path path) {
        requireAvailable();
        return C.open(path.toString(), O_RDWR, 0);
    }

    /** Non-blocking exclusive flock; false when another process holds it. */
    public static boolean tryFlock(int fd) {
        try {
            C.flock(fd, LOCK_EX | LOCK_NB);
            return true;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == 11 || e.getErrorCode() == 35) { // EWOULDBLOCK on Linux / macOS
                return false;
            }
            throw e;
        }
    }

    public static void unlockAndClose(int fd) {
        try {
            C.flock(fd, LOCK_UN);
        } finally {
            C.close(fd);
        }
    }

    /**
     * Clones {@code src} to the new file {@code dst} sharing blocks (copy-on-write). Returns false when
     * the file system cannot (ext4, across devices, ...); the caller then copies.
     */
    public static boolean reflink(Path src, Path dst) {
        if (!available()) {
            return false;
        }
        if (Platform.isMac()) {
            try {
                C.clonefile(src.toString(), dst.toString(), 0);
                return true;
            } catch (LastErrorException | UnsatisfiedLinkError e) {
                return false;
            }
        }
        if (!Platform.isLinux()) {
            return false;
        }
        int in = -1;
        int out = -1;
        boolean ok = false;
        try {
            in = C.open(src.toString(), O_RDONLY, 0);
            out = C.open(dst.toString(), 01 | 0100 | 0200, 0644); // O_WRONLY | O_CREAT | O_EXCL
            C.ioctl(out, new NativeLong(FICLONE), in);
            ok = true;
        } catch (LastErrorException e) {
            ok = false;
        } finally {
            if (in >= 0) {
                C.close(in);
            }
            if (out >= 0) {
                C.close(out);
                if (!ok) {
                    dst.toFile().delete();
                }
            }
        }
        return ok;
    }

    /**
     * Makes the calling thread yield to the others under load (on Linux 10 nice levels more, elsewhere
     * nothing). Raising it back needs privileges, so it is only for a thread made for one task.
     */
    public static void lowerCurrentThreadPriority() {
        if (!available() || !Platform.isLinux()) {
            return; // on macOS setpriority would lower the whole process
        }
        try {
            int nice = C.getpriority(PRIO_PROCESS, 0); // on Linux, 0 is the calling thread
            C.setpriority(PRIO_PROCESS, 0, Math.min(19, nice + 10));
        } catch (LastErrorException | UnsatisfiedLinkError e) {
            // it only ever was an optimisation
        }
    }

    private static void requireAvailable() {
        if (!available()) {
            throw new UnsupportedOperationException("native file locking is not available on this platform");
        }
    }
}
