package io.github.dvcmaven.core.internal;

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

    /**
     * Interrupts {@code t} unless it is done and waits for it to end, even if this thread is interrupted
     * meanwhile (its interrupt is kept): nothing it did may still be under way once the caller goes on.
     */
    public static void stop(Thread t) {
        if (t.isAlive()) {
            t.interrupt();
        }
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
