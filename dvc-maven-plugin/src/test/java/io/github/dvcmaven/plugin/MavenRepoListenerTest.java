package io.github.dvcmaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.RepoListener.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** Progress in the build log: live bars on a terminal, a few summary lines in batch mode, never a line per file. */
class MavenRepoListenerTest {
    private static final long SECOND = 1_000_000_000L;

    private static final class CapturingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add(content.toString());
        }
    }

    private final AtomicLong now = new AtomicLong();
    private final CapturingLog log = new CapturingLog();
    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();

    private MavenRepoListener listener(boolean live) {
        return new MavenRepoListener(
                log, live, new PrintStream(terminal, true, StandardCharsets.UTF_8), now::get, t -> t);
    }

    /** 10,000 files over {@code seconds} of (fake) time, then done. */
    private void hashFiles(MavenRepoListener l, int seconds) {
        int files = 10_000;
        for (int i = 1; i <= files; i++) {
            now.addAndGet(seconds * SECOND / files);
            l.progress(new Progress("Computing md5", i, files, "files", false));
        }
        l.progress(new Progress("Computing md5", files, files, "files", true));
    }

    @Test
    void batchModePrintsASummaryEveryFewSecondsAndOneWhenDone() {
        hashFiles(listener(false), 22);
        assertThat(log.lines)
                .hasSizeBetween(4, 6)
                .allSatisfy(l -> assertThat(l).startsWith("Computing md5: "))
                .last()
                .isEqualTo("Computing md5: 10000/10000 files (100%), done");
        assertThat(terminal.size()).isZero();
    }

    @Test
    void aQuickTaskStaysSilentInBatchMode() {
        hashFiles(listener(false), 2);
        assertThat(log.lines).isEmpty();
    }

    @Test
    void anInteractiveTerminalGetsOneRedrawnBar() {
        hashFiles(listener(true), 3);
        String out = terminal.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\rComputing md5").endsWith("| 10000/10000 files\n");
        assertThat(out.chars().filter(c -> c == '\n').count()).isEqualTo(1);
        assertThat(out.chars().filter(c -> c == '\r').count())
                .as("redrawn about ten times a second")
                .isBetween(25L, 35L);
        assertThat(log.lines).isEmpty();
    }

    @Test
    void aBigFileShowsBytesAndRateNotAFileCountStuckAt99Percent() {
        MavenRepoListener l = listener(false);
        long size = 1L << 30;
        for (int i = 1; i <= 100; i++) {
            now.addAndGet(SECOND / 10);
            l.progress(new Progress("Pushing to store", 0, 1, "files", false, size * i / 100, size));
        }
        l.progress(new Progress("Pushing to store", 1, 1, "files", true, size, size));
        // the first event starts the clock; 5 s later (51 % sent, shown rounded down) the first line, then the last
        assertThat(log.lines)
                .containsExactly(
                        "Pushing to store: 0/1 files, 522.2 MiB/1.0 GiB (50%), 104.4 MiB/s",
                        "Pushing to store: 1/1 files, 1.0 GiB/1.0 GiB (100%), 103.4 MiB/s, done");
    }

    @Test
    void aTaskInBytesOnlyShowsNoFileCount() {
        MavenRepoListener l = listener(true);
        l.progress(new Progress("Adding model.bin", 0, -1, Progress.BYTES, false, 0, 1L << 30));
        now.addAndGet(2 * SECOND);
        l.progress(new Progress("Adding model.bin", 0, -1, Progress.BYTES, false, 256L << 20, 1L << 30));
        assertThat(terminal.toString(StandardCharsets.UTF_8))
                .endsWith(
                        "\rAdding model.bin                         |#######                       | 256.0 MiB/1.0 GiB, 128.0 MiB/s");
    }
}
