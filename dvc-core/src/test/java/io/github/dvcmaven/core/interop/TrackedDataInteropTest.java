package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.CheckoutOptions;
import io.github.dvcmaven.core.api.CheckoutResult;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.DvcRenderer;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.StatusReport;
import io.github.dvcmaven.core.testing.Datasets;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.IndependentJson;
import io.github.dvcmaven.core.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both tools on the same data: the files we write are dvc's, and each accepts the other's repo. */
@Tag("interop")
class TrackedDataInteropTest {
    private static final List<String> TARGETS = List.of("data", "single.txt", "tool.sh", "windows.txt");

    @TempDir
    Path tmp;

    DvcCli dvc;

    @BeforeEach
    void setUp() {
        ExternalTools.dvcVenv();
        dvc = new DvcCli(tmp.resolve("cfg"));
    }

    private Path gitRepo(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        DvcCli.git(dir, "init", "-q");
        return dir;
    }

    private Repo open(Path dir) {
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(dvc.env()));
    }

    private Path withData(String name) throws IOException {
        Path dir = gitRepo(name);
        Datasets.writeMixed(dir, 24L << 20);
        return dir;
    }

    @Test
    void initWritesWhatDvcInitWrites() throws IOException {
        Path theirs = gitRepo("theirs");
        Path ours = gitRepo("ours");
        dvc.ok(theirs, "init", "-q");
        Repo.init(ours);
        for (String f : List.of(".dvc/config", ".dvc/.gitignore", ".dvcignore")) {
            assertThat(TreeSnapshot.read(ours.resolve(f))).as(f).isEqualTo(TreeSnapshot.read(theirs.resolve(f)));
        }
        assertThat(DvcCli.git(ours, "status", "--short").out())
                .isEqualTo(DvcCli.git(theirs, "status", "--short").out());
        assertThatThrownBy(() -> Repo.init(ours))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("exists");
    }

    @Test
    void addWritesTheSamePointersCacheAndGitignoreAsDvc() throws IOException {
        Path theirs = withData("theirs");
        Path ours = withData("ours");
        dvc.ok(theirs, "init", "-q");
        Repo.init(ours);
        dvc.ok(theirs, "add", "-q", "data", "single.txt", "tool.sh", "windows.txt");
        try (Repo repo = open(ours)) {
            repo.add(TARGETS, AddOptions.defaults());
        }
        for (String f : List.of("data.dvc", "single.txt.dvc", "tool.sh.dvc", "windows.txt.dvc", ".gitignore")) {
            assertThat(TreeSnapshot.read(ours.resolve(f))).as(f).isEqualTo(TreeSnapshot.read(theirs.resolve(f)));
        }
        assertThat(TreeSnapshot.of(ours.resolve(".dvc/cache")))
                .isEqualTo(TreeSnapshot.of(theirs.resolve(".dvc/cache")));
        Map<String, String> ourWorkspace = TreeSnapshot.of(ours.resolve("data"));
        assertThat(ourWorkspace).isEqualTo(TreeSnapshot.of(theirs.resolve("data")));
        assertThat(TreeSnapshot.of(ours).get("tool.sh"))
                .isEqualTo(TreeSnapshot.of(theirs).get("tool.sh"));
        assertThat(DvcCli.git(ours, "status", "--short").out())
                .isEqualTo(DvcCli.git(theirs, "status", "--short").out());
    }

    @Test
    void dvcSeesOurRepoUpToDateAndChecksItOut() throws IOException {
        Path ours = withData("ours");
        Repo.init(ours);
        try (Repo repo = open(ours)) {
            repo.add(TARGETS, AddOptions.defaults());
        }
        Map<String, String> before = TreeSnapshot.of(ours.resolve("data"));
        assertThat(dvc.ok(ours, "status").out()).contains("Data and pipelines are up to date.");
        assertThat(dvc.ok(ours, "status", "--json").out().trim()).isEqualTo("{}");
        deleteTree(ours.resolve("data"));
        Files.delete(ours.resolve("single.txt"));
        // dvc's data index (site cache) remembers exec bits its status saw; a fresh clone has none
        dvc.useFreshSiteCache("fresh-site");
        dvc.ok(ours, "checkout");
        assertThat(TreeSnapshot.of(ours.resolve("data"))).isEqualTo(asRestored(before));
        assertThat(Files.readString(ours.resolve("single.txt"))).isEqualTo("one file\n");
    }

    @Test
    void weSeeDvcRepoUpToDateReportChangesLikeDvcAndCheckItOut() throws IOException {
        Path theirs = withData("theirs");
        dvc.ok(theirs, "init", "-q");
        dvc.ok(theirs, "add", "-q", "data", "single.txt", "tool.sh", "windows.txt");
        Map<String, String> before = TreeSnapshot.of(theirs.resolve("data"));
        try (Repo repo = open(theirs)) {
            assertThat(repo.status(List.of()).isClean()).isTrue();
        }
        Files.writeString(theirs.resolve("data/a-b"), "changed\n");
        Files.delete(theirs.resolve("single.txt"));
        Files.writeString(theirs.resolve("windows.txt"), "changed\r\n");
        String dvcJson = dvc.ok(theirs, "status", "--json").out().trim();
        try (Repo repo = open(theirs)) {
            StatusReport report = repo.status(List.of());
            // dvc lists stages in directory order (os.scandir), we sort them: compare as maps / line sets
            assertThat(IndependentJson.parse(DvcRenderer.json(report))).isEqualTo(IndependentJson.parse(dvcJson));
            assertThat(stageBlocks(DvcRenderer.text(report)))
                    .isEqualTo(
                            stageBlocks(List.of(dvc.ok(theirs, "status").out().split("\n"))));
            assertThatThrownBy(() -> repo.checkout(CheckoutOptions.of(List.of())))
                    .hasMessageContaining("unsaved")
                    .hasMessageContaining("a-b");
            CheckoutResult result = repo.checkout(CheckoutOptions.of(List.of()).withForce(true));
            assertThat(result.added()).containsExactly("single.txt");
            assertThat(result.modified()).containsExactlyInAnyOrder("data/", "windows.txt");
            assertThat(repo.status(List.of()).isClean()).isTrue();
        }
        assertThat(TreeSnapshot.of(theirs.resolve("data"))).isEqualTo(before);
        assertThat(dvc.ok(theirs, "status").out()).contains("Data and pipelines are up to date.");
    }

    /** What a fresh checkout restores: no empty dirs, and no exec bits inside directories (not in .dir). */
    private static Map<String, String> asRestored(Map<String, String> snapshot) {
        Map<String, String> copy = new TreeMap<>(snapshot);
        copy.remove("empty-dir");
        copy.replaceAll((k, v) -> v.replaceFirst("^file 755", "file 644"));
        return copy;
    }

    private static Set<String> stageBlocks(List<String> lines) {
        Set<String> blocks = new HashSet<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (!line.startsWith("\t") && current.length() > 0) {
                blocks.add(current.toString());
                current.setLength(0);
            }
            current.append(line).append('\n');
        }
        blocks.add(current.toString());
        return blocks;
    }

    static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        }
    }
}
