package io.github.dvcmaven.core;

/** Named daemon threads for background work that must never keep Maven's JVM alive. */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** Starts {@code work} on a new daemon thread called {@code name}. */
    public static Thread start(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
