package io.github.dvcmaven.core.internal.repo;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.fs.NativeFs;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The repository lock {@code .dvc/tmp/lock}, taken exactly as dvc takes it ({@code flock} exclusive,
 * then " &lt;pid&gt;\n" written into the file), so a running dvc and this tool exclude each other. Like
 * dvc, it retries for three seconds, then fails naming the process that holds it.
 */
public final class RepoLock implements AutoCloseable {
    private static final int RETRIES = 6;
    private static final long DELAY_MILLIS = 500;

    private final Path file;
    private final boolean wait;
    private int fd = -1;
    private FileChannel channel;
    private FileLock javaLock;

    private RepoLock(Path file, boolean wait) {
        this.file = file;
        this.wait = wait;
    }

    public static RepoLock acquire(Path dvcDir) {
        return acquire(dvcDir, false);
    }

    /**
     * Takes the lock of the repository whose {@code .dvc} directory is given.
     *
     * @param wait wait for as long as another process holds the lock (dvc's {@code --wait-for-lock})
     */
    public static RepoLock acquire(Path dvcDir, boolean wait) {
        return acquireFile(dvcDir.resolve("tmp").resolve("lock"), wait);
    }

    /** Any of dvc's lock files ({@code .dvc/tmp/lock}, {@code .dvc/tmp/rwlock.lock}), taken as dvc takes them. */
    static RepoLock acquireFile(Path file, boolean wait) {
        RepoLock lock = new RepoLock(file, wait);
        lock.lock();
        return lock;
    }

    private void lock() {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException ignored) {
                    // another process created it first; fine
                }
            }
        } catch (IOException e) {
            throw new DvcException(
                    "cannot create the repository lock " + file + ": " + e.getMessage(),
                    "check that the build user may write to .dvc/tmp",
                    e);
        }
        for (int attempt = 0; wait || attempt <= RETRIES; attempt++) {
            if (tryLock()) {
                writePid();
                return;
            }
            try {
                Thread.sleep(DELAY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new DvcException(
                "Unable to acquire lock " + file + ": " + holderDescription(),
                "wait for it to finish; if no such process is running, the lock is released already and you can retry");
    }

    private boolean tryLock() {
        if (!NativeFs.available() && !isWindows()) {
            // Java's file locks are fcntl record locks here, which never conflict with dvc's flock: taking
            // one would exclude only other dvc-maven processes, silently
            throw new DvcException(
                    "cannot take the repository lock " + file + " as dvc takes it (flock): the native"
                            + " C library could not be loaded through JNA (" + NativeFs.unavailableReason() + ")",
                    "run on a JDK whose JNA can load libc (check -Djna.tmpdir and noexec mounts of /tmp)");
        }
        try {
            if (NativeFs.available()) {
                int descriptor = NativeFs.openForLock(file);
                if (NativeFs.tryFlock(descriptor)) {
                    fd = descriptor;
                    return true;
                }
                NativeFs.unlockAndClose(descriptor);
                return false;
            }
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
            javaLock = channel.tryLock();
            if (javaLock == null) {
                channel.close();
                channel = null;
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            throw new DvcException("cannot lock " + file + ": " + e.getMessage(), null, e);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private void writePid() {
        try {
            Files.write(file, (" " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the pid is informational only
        }
    }

    /** "held by process 1234 (dvc repro)" from the pid dvc or we wrote into the lock file. */
    String holderDescription() {
        try {
            String content = Files.readString(file).trim();
            long pid = Long.parseLong(content);
            String command =
                    ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse(null);
            if (command == null) {
                Path cmdline = Path.of("/proc", String.valueOf(pid), "cmdline");
                if (Files.exists(cmdline)) {
                    command = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8)
                            .replace('\0', ' ')
                            .trim();
                }
            }
            return "it is held by process " + pid + (command == null || command.isEmpty() ? "" : " (" + command + ")");
        } catch (IOException | NumberFormatException e) {
            return "another dvc or dvc-maven process holds it";
        }
    }

    @Override
    public void close() {
        if (fd >= 0) {
            NativeFs.unlockAndClose(fd);
            fd = -1;
        }
        try {
            if (javaLock != null) {
                javaLock.release();
                javaLock = null;
            }
            if (channel != null) {
                channel.close();
                channel = null;
            }
        } catch (IOException ignored) {
            // closing releases the lock anyway
        }
    }
}
