package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.RepoListener;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.logging.Log;

/**
 * The core's events in Maven's log. Progress is a live bar on an interactive terminal; in batch mode
 * (CI, {@code -B}) one summary line per task every few seconds and one when it finishes, never a line
 * per file.
 */
final class MavenRepoListener implements RepoListener {
    private static final long BATCH_INTERVAL_NANOS = 5_000_000_000L;
    private static final long REDRAW_INTERVAL_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 30;

    private final Log log;
    private final boolean live;
    private final PrintStream terminal;
    private final Map<String, Long> lastLine = new ConcurrentHashMap<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final UnaryOperator<String> hints;

    MavenRepoListener(Log log, boolean live, PrintStream terminal, UnaryOperator<String> hints) {
        this(log, live, terminal, System::nanoTime, hints);
    }

    MavenRepoListener(Log log, boolean live, PrintStream terminal, LongSupplier clock, UnaryOperator<String> hints) {
        this.log = log;
        this.live = live;
        this.terminal = terminal;
        this.clock = clock;
        this.hints = hints;
    }

    @Override
    public void log(Level level, String text) {
        String message = hints.apply(text);
        switch (level) {
            case DEBUG -> log.debug(message);
            case WARN -> log.warn(message);
            default -> log.info(message);
        }
    }

    @Override
    public synchronized void progress(Progress p) {
        long now = clock.getAsLong();
        started.putIfAbsent(p.task(), now);
        if (live) {
            Long last = lastLine.get(p.task());
            if (p.finished() || last == null || now - last >= REDRAW_INTERVAL_NANOS) {
                terminal.print("\r" + bar(p) + (p.finished() ? "\n" : ""));
                terminal.flush();
                lastLine.put(p.task(), now);
            }
        } else {
            Long last = lastLine.get(p.task());
            boolean slowTask = now - started.get(p.task()) >= BATCH_INTERVAL_NANOS;
            if ((p.finished() && (last != null || slowTask))
                    || (!p.finished() && (last == null ? slowTask : now - last >= BATCH_INTERVAL_NANOS))) {
                log.info(summary(p));
                lastLine.put(p.task(), now);
            }
        }
        if (p.finished()) {
            lastLine.remove(p.task());
            started.remove(p.task());
        }
    }

    /** "Pushing to store: 3/10 files, 512.0 MiB/1.0 GiB (50%), 85.0 MiB/s", or for bytes only "Adding x: 512.0 MiB/...". */
    String summary(Progress p) {
        return p.task() + ": " + counts(p) + percent(p) + rate(p) + (p.finished() ? ", done" : "");
    }

    private static String counts(Progress p) {
        String bytes = p.bytes() < 0
                ? ""
                : HumanBytes.of(p.bytes()) + (p.bytesTotal() >= 0 ? "/" + HumanBytes.of(p.bytesTotal()) : "");
        if (p.bytesOnly()) {
            return bytes;
        }
        String items = p.done() + (p.total() >= 0 ? "/" + p.total() : "") + " " + p.unit();
        return p.bytes() > 0 ? items + ", " + bytes : items;
    }

    /** Share done, by bytes where their total is known (a big file would sit at 99% of a file count). */
    private static double fraction(Progress p) {
        if (p.bytesTotal() > 0 && p.bytes() >= 0) {
            return Math.min(1.0, (double) p.bytes() / p.bytesTotal());
        }
        return p.total() > 0 ? Math.min(1.0, (double) p.done() / p.total()) : -1;
    }

    private static String percent(Progress p) {
        double f = fraction(p);
        return f < 0 ? "" : String.format(" (%d%%)", (int) (f * 100));
    }

    private String rate(Progress p) {
        Long start = started.get(p.task());
        long elapsed = start == null ? 0 : clock.getAsLong() - start;
        if (p.bytes() <= 0 || elapsed < 1_000_000_000L) {
            return "";
        }
        return ", " + HumanBytes.of((long) (p.bytes() / (elapsed / 1e9))) + "/s";
    }

    String bar(Progress p) {
        double f = fraction(p);
        int filled = f < 0 ? 0 : (int) (BAR_WIDTH * f);
        return String.format(
                "%-40.40s |%s%s| %s",
                p.task(), "#".repeat(filled), " ".repeat(BAR_WIDTH - filled), counts(p) + rate(p));
    }
}
