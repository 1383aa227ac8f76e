package io.github.dvcmaven.core.testing;

import java.util.Set;

/** Which of the core's named background threads are still alive. */
public final class LiveThreads {
    private LiveThreads() {}

    /** Whether a live thread has one of these names. */
    public static boolean anyNamed(String... names) {
        Set<String> wanted = Set.of(names);
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> wanted.contains(t.getName()) && t.isAlive());
    }
}
