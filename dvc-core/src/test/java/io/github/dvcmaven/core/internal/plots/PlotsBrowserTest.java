package io.github.dvcmaven.core.internal.plots;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.PlotsReport;
import io.github.dvcmaven.core.api.RenderedPlot;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.PlotsFixture;
import io.github.dvcmaven.core.testing.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plots page in a real headless Chromium, with the network cut off: every chart draws (an SVG with
 * marks per chart), images show per revision, and the console stays silent.
 */
@Tag("browser")
class PlotsBrowserTest {
    @TempDir
    Path tmp;

    @Test
    void everyTemplateDrawsOfflineWithoutConsoleErrors() throws IOException {
        Path chromium = ExternalTools.chromium();
        Path repo = tmp.resolve("repo");
        PlotsFixture.create(repo);
        PlotsReport report;
        try (Repo r = Repo.open(repo)) {
            report = r.plots(List.of("workspace", "HEAD"), List.of());
        }
        assertThat(report.errors()).isEmpty();
        assertThat(report.plots())
                .extracting(RenderedPlot::id)
                .containsExactly(
                        "loss.csv",
                        "roc",
                        "history.yaml",
                        "confusion",
                        "confusion_normalized",
                        "learning",
                        "importance",
                        "importance_unsorted",
                        "confusion.png",
                        "model.svg");
        Path page = PlotsPage.write(report, tmp.resolve("out"), "DVC plots");
        String html = Files.readString(page);
        assertThat(html).doesNotContainPattern("<script[^>]+src=").doesNotContain("cdn.jsdelivr");

        Proc.Result dom = chromium(chromium, page, "--dump-dom");
        String out = dom.stdout();
        Matcher status = Pattern.compile("id=\"dvc-plots-status\" data-total=\"(\\d+)\" data-rendered=\"(\\d+)\" "
                        + "data-failed=\"(\\d+)\" data-done=\"(\\w+)\"")
                .matcher(out);
        assertThat(status.find()).as("status element in:\n%s", tail(out)).isTrue();
        assertThat(status.group(4)).as("rendering finished").isEqualTo("true");
        assertThat(status.group(3)).as("failed charts").isEqualTo("0");
        assertThat(status.group(2))
                .as("rendered charts")
                .isEqualTo(status.group(1))
                .isEqualTo("8");
        assertThat(count(out, "class=\"marks\"")).as("one SVG per chart").isEqualTo(8);
        assertThat(count(out, "<path") + count(out, "<rect")).as("drawn marks").isGreaterThan(100);
        assertThat(count(out, "<figure><img ")).as("two images x two revisions").isEqualTo(4);
        assertThat(consoleLines(dom.stderr())).as("browser console").isEmpty();

        Path shot = ExternalTools.projectRoot().resolve("dvc-core/target/plots-screenshot.png");
        chromium(chromium, page, "--screenshot=" + shot, "--window-size=1400,1700", "--hide-scrollbars");
        assertThat(shot).isNotEmptyFile();
    }

    @Test
    void aChartThatCannotDrawIsReportedOnThePageAndTheConsole() throws IOException {
        Path chromium = ExternalTools.chromium();
        Map<String, Object> broken = Map.of(
                "mark",
                "line",
                "encoding",
                Map.of("x", Map.of("field", "a", "type", "bogus")),
                "data",
                Map.of("values", List.of(Map.of("a", 1))),
                "transform",
                List.of(Map.of("loess", 3)));
        PlotsReport report = new PlotsReport(
                List.of("workspace"), List.of(RenderedPlot.vega("broken", List.of("workspace"), broken)), List.of());
        Path page = PlotsPage.write(report, tmp.resolve("bad"), "broken");
        Proc.Result dom = chromium(chromium, page, "--dump-dom");
        assertThat(dom.stdout()).contains("data-failed=\"1\"").contains("cannot draw broken");
        assertThat(consoleLines(dom.stderr())).anyMatch(l -> l.contains("dvc plots: broken"));
    }

    private static Proc.Result chromium(Path chromium, Path page, String... extra) {
        List<String> cmd = new ArrayList<>(List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--enable-logging=stderr",
                "--v=0",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--virtual-time-budget=20000"));
        cmd.addAll(List.of(extra));
        cmd.add(page.toUri().toString());
        Proc.Result r = Proc.run(page.getParent(), Map.of(), null, cmd);
        assertThat(r.exitCode()).as("chromium: %s", r.stderr()).isZero();
        return r;
    }

    private static List<String> consoleLines(String stderr) {
        return stderr.lines()
                .filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught"))
                .toList();
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static String tail(String s) {
        return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
    }
}
