package io.github.dvcmaven.core.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.InitOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.SyncOptions;
import io.github.dvcmaven.core.testing.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A big file's add, push and pull report bytes as they move, not only a file count. */
class ByteProgressTest {
    @TempDir
    Path dir;

    @TempDir
    Path remote;

    final List<RepoListener.Progress> events = new CopyOnWriteArrayList<>();

    private Repo open() {
        RepoListener listener = new RepoListener() {
            @Override
            public void progress(Progress p) {
                events.add(p);
            }
        };
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir).withListener(listener));
    }

    private List<RepoListener.Progress> of(String taskPrefix) {
        return events.stream().filter(p -> p.task().startsWith(taskPrefix)).toList();
    }

    @Test
    void aBigFileReportsItsBytesThroughAddPushAndFetch() throws IOException {
        long size = 80L << 20;
        Repo.init(dir, InitOptions.defaults().withNoScm(true));
        Datasets.writeRandom(dir.resolve("big.bin"), size, 3);
        try (Repo repo = open()) {
            repo.add(List.of("big.bin"), AddOptions.defaults());
        }
        List<RepoListener.Progress> add = of("Adding big.bin");
        assertThat(add).isNotEmpty().allMatch(RepoListener.Progress::bytesOnly).allMatch(p -> p.bytesTotal() == size);
        assertThat(add.get(add.size() - 1))
                .matches(RepoListener.Progress::finished)
                .matches(p -> p.bytes() == size);
        assertThat(add).isSortedAccordingTo((a, b) -> Long.compare(a.bytes(), b.bytes()));

        try (Repo repo = open()) {
            repo.remotes().add("store", remote.toString());
            repo.remotes().setDefault("store");
        }
        try (Repo repo = open()) {
            repo.push(SyncOptions.of(List.of()));
        }
        RepoListener.Progress push =
                of("Pushing to store").get(of("Pushing to store").size() - 1);
        assertThat(push.finished()).isTrue();
        assertThat(push.bytes()).isEqualTo(size);
        assertThat(push.bytesTotal()).isEqualTo(size);

        Files.delete(dir.resolve(".dvc/cache/files/md5/"
                + Files.readString(dir.resolve("big.bin.dvc"))
                        .replaceAll("(?s).*md5: ([0-9a-f]{2})([0-9a-f]{30}).*", "$1/$2")));
        try (Repo repo = open()) {
            repo.fetch(SyncOptions.of(List.of()));
        }
        RepoListener.Progress fetch =
                of("Fetching from store").get(of("Fetching from store").size() - 1);
        assertThat(fetch.bytes()).as("the download, counted as it arrived").isEqualTo(size);
        assertThat(fetch.done()).isEqualTo(1);
    }
}
