package io.github.dvcmaven.core.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.CheckoutOptions;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.InitOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.internal.fs.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkout (and so pull) never writes through a symlink that leaves the workspace: neither an output
 * directory that is itself such a link nor one planted inside it (dvc 3.67.1 writes through both).
 */
class CheckoutBoundsTest {
    @TempDir
    Path tmp;

    Path ws;
    Path outside;
    RepoOptions options;

    @BeforeEach
    void setUp() throws Exception {
        ws = Files.createDirectories(tmp.resolve("ws"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Repo.init(ws, InitOptions.defaults().withNoScm(true));
        Files.createDirectories(ws.resolve("data/sub"));
        Files.writeString(ws.resolve("data/a.txt"), "a");
        Files.writeString(ws.resolve("data/sub/b.txt"), "b");
        options = RepoOptions.defaults().withCwd(ws).withEnv(Map.of());
        try (Repo repo = Repo.open(ws, options)) {
            repo.add(List.of("data"), AddOptions.defaults());
        }
    }

    private static long files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void anOutputDirectoryThatIsALinkOutOfTheWorkspaceIsRefused() throws Exception {
        FileTrees.deleteRecursively(ws.resolve("data"));
        Files.createSymbolicLink(ws.resolve("data"), outside);
        try (Repo repo = Repo.open(ws, options)) {
            assertThatThrownBy(() -> repo.checkout(CheckoutOptions.of(List.of()).withForce(true)))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("data is a symlink to " + outside.toRealPath())
                    .hasMessageContaining("outside the workspace");
        }
        assertThat(files(outside)).isZero();
    }

    @Test
    void aLinkPlantedInsideAnOutputIsRefusedAndNothingLandsOutside() throws Exception {
        FileTrees.deleteRecursively(ws.resolve("data/sub"));
        Files.createSymbolicLink(ws.resolve("data/sub"), outside);
        try (Repo repo = Repo.open(ws, options)) {
            assertThatThrownBy(() -> repo.checkout(CheckoutOptions.of(List.of()).withForce(true)))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("outside the workspace");
        }
        assertThat(files(outside)).isZero();
    }

    @Test
    void aLinkThatStaysInsideTheWorkspaceIsFollowedAsBefore() throws Exception {
        Files.createDirectories(ws.resolve("elsewhere"));
        FileTrees.deleteRecursively(ws.resolve("data"));
        Files.createSymbolicLink(ws.resolve("data"), ws.resolve("elsewhere"));
        try (Repo repo = Repo.open(ws, options)) {
            repo.checkout(CheckoutOptions.of(List.of()).withForce(true));
        }
        assertThat(ws.resolve("elsewhere/sub/b.txt")).hasContent("b");
    }
}
