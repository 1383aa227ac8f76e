package io.github.dvcmaven.core.internal.repo;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.internal.fs.AtomicWrite;
import io.github.dvcmaven.core.internal.py.JsonParser;
import io.github.dvcmaven.core.internal.py.PyJson;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dvc's per-path read/write lock, {@code .dvc/tmp/rwlock}: while a stage's command runs (the repository
 * lock released, so the command may call dvc), its dependencies are registered as read and its outputs
 * as written, under the guard {@code .dvc/tmp/rwlock.lock}. A second run that would write what is
 * being read or written, or read what is being written, is refused with dvc's "is busy" message naming
 * the holder's PID and command; entries of processes that died are dropped, as dvc drops them.
 */
public final class RwLock implements AutoCloseable {
    private final Path dir;
    private final Map<String, Object> info;
    private final List<String> read;
    private final List<String> written;
    private final RepoListener listener;

    private RwLock(Path dir, Map<String, Object> info, List<String> read, List<String> written, RepoListener listener) {
        this.dir = dir;
        this.info = info;
        this.read = read;
        this.written = written;
        this.listener = listener;
    }

    /** The command this process registers under, as dvc registers {@code " ".join(sys.argv)}. */
    static String command() {
        return ProcessHandle.current()
                .info()
                .commandLine()
                .orElse("dvc-maven (pid " + ProcessHandle.current().pid() + ")");
    }

    /** Registers the paths (absolute, as dvc writes them) or fails naming who holds them. */
    public static RwLock acquire(Path dvcDir, List<Path> reads, List<Path> writes, RepoListener listener) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("pid", ProcessHandle.current().pid());
        info.put("cmd", command());
        List<String> r = reads.stream()
                .map(p -> p.toAbsolutePath().normalize().toString())
                .distinct()
                .toList();
        List<String> w = writes.stream()
                .map(p -> p.toAbsolutePath().normalize().toString())
                .distinct()
                .toList();
        RwLock lock = new RwLock(dvcDir.resolve("tmp"), info, r, w, listener);
        lock.edit(state -> {
            List<String> both = new ArrayList<>(r);
            both.addAll(w);
            lock.checkBlockers(state, "write", both);
            lock.checkBlockers(state, "read", w);
            for (String p : r) {
                List<Object> readers = list(section(state, "read").computeIfAbsent(p, k -> new ArrayList<>()));
                if (!readers.contains(info)) {
                    readers.add(info);
                }
            }
            for (String p : w) {
                section(state, "write").put(p, info);
            }
        });
        return lock;
    }

    /** Fails, as dvc's status does, when another process is writing any of these paths right now. */
    public static void checkNotWritten(Path dvcDir, List<Path> paths, RepoListener listener) {
        List<String> p = paths.stream()
                .map(x -> x.toAbsolutePath().normalize().toString())
                .distinct()
                .toList();
        Map<String, Object> info = Map.of("pid", ProcessHandle.current().pid(), "cmd", command());
        RwLock lock = new RwLock(dvcDir.resolve("tmp"), info, p, List.of(), listener);
        if (Files.exists(lock.dir.resolve("rwlock"))) {
            lock.edit(state -> lock.checkBlockers(state, "write", p));
        }
    }

    @Override
    public void close() {
        edit(state -> {
            Map<String, Object> writes = section(state, "write");
            for (String p : written) {
                if (info.equals(writes.get(p))) {
                    writes.remove(p);
                }
            }
            Map<String, Object> reads = section(state, "read");
            for (String p : read) {
                Object readers = reads.get(p);
                if (readers instanceof List<?> l) {
                    l.remove(info);
                    if (l.isEmpty()) {
                        reads.remove(p);
                    }
                }
            }
        });
    }

    private interface Edit {
        void apply(Map<String, Object> state);
    }

    /** Reads, changes and rewrites the rwlock file under its guard lock; sections left empty are dropped, as dvc drops them. */
    private void edit(Edit change) {
        Path file = dir.resolve("rwlock");
        try (RepoLock guard = RepoLock.acquireFile(dir.resolve("rwlock.lock"), false)) {
            Map<String, Object> state = new LinkedHashMap<>();
            try {
                Object parsed = JsonParser.parse(Files.readString(file));
                if (!(parsed instanceof Map<?, ?> m)) {
                    throw new DvcException(
                            "RWLock-file '" + file + "' format error.", "remove it if no dvc is running");
                }
                m.forEach((k, v) -> state.put(String.valueOf(k), v));
            } catch (NoSuchFileException e) {
                // no lock taken yet
            } catch (JsonParser.JsonSyntaxException e) {
                throw new DvcException(
                        "Unable to read RWLock-file '" + file + "'. JSON structure is corrupted",
                        "remove it if no dvc or dvc-maven process is running",
                        e);
            }
            change.apply(state);
            state.entrySet().removeIf(e -> e.getValue() instanceof Map<?, ?> m && m.isEmpty());
            AtomicWrite.writeString(file, PyJson.dumps(state));
        } catch (IOException e) {
            throw new DvcException("cannot update " + file + ": " + e.getMessage(), null, e);
        }
    }

    private void checkBlockers(Map<String, Object> state, String mode, List<String> waiters) {
        List<Object> blockers = new ArrayList<>();
        Map<String, Object> section = section(state, mode);
        for (Map.Entry<String, Object> e : new ArrayList<>(section.entrySet())) {
            String waiter = waiters.stream()
                    .filter(w -> overlaps(w, e.getKey()))
                    .findFirst()
                    .orElse(null);
            if (waiter == null) {
                continue;
            }
            List<Object> holders =
                    e.getValue() instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(List.of(e.getValue()));
            for (Object holder : holders) {
                if (info.equals(holder) || !(holder instanceof Map<?, ?> h)) {
                    continue;
                }
                long pid = h.get("pid") instanceof Number n ? n.longValue() : -1;
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    blockers.add(holder);
                    continue;
                }
                listener.log(
                        RepoListener.Level.WARN,
                        "Process '" + h.get("cmd") + "' with (Pid " + pid + "), in RWLock-file '" + e.getKey()
                                + "' had been killed. Auto removed it from the lock file.");
                if (e.getValue() instanceof List<?> l) {
                    l.remove(holder);
                    if (l.isEmpty()) {
                        section.remove(e.getKey());
                    }
                } else {
                    section.remove(e.getKey());
                }
            }
            if (!blockers.isEmpty()) {
                StringBuilder who = new StringBuilder();
                for (Object b : blockers) {
                    Map<?, ?> h = (Map<?, ?>) b;
                    who.append("\n  (PID ").append(h.get("pid")).append("): ").append(h.get("cmd"));
                }
                throw new DvcException(
                        "'" + waiter + "' is busy, it is being blocked by:" + who + "\n\nIf there are no"
                                + " processes with such PIDs, you can manually remove '" + dir
                                + "/rwlock' and try again.",
                        "wait for that run to finish, then run this goal again");
            }
        }
    }

    private static boolean overlaps(String a, String b) {
        return a.equals(b) || a.startsWith(b + File.separator) || b.startsWith(a + File.separator);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> state, String name) {
        Object s = state.get(name);
        if (!(s instanceof Map)) {
            s = new LinkedHashMap<String, Object>();
            state.put(name, s);
        }
        return (Map<String, Object>) s;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }
}
