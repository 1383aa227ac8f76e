package io.github.dvcmaven.core.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.CloudStatus;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.PullOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.RevisionScope;
import io.github.dvcmaven.core.api.SyncOptions;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import io.github.dvcmaven.core.testing.DvcCli;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release gate's remote half on a fresh clone: every object of the covered revisions on the
 * remote, read without downloading data; a revision or a remote that is not there is an error, never
 * a pass.
 */
class ReleaseGateTest {
    @TempDir
    Path tmp;

    Path origin;
    Path remote;

    @BeforeEach
    void setUp() throws IOException {
        origin = Files.createDirectories(tmp.resolve("origin"));
        remote = tmp.resolve("remote");
        DvcCli.git(origin, "init", "-q");
        Repo.init(origin);
        try (Repo repo = Repo.open(origin)) {
            repo.remotes().add("store", remote.toString());
            repo.remotes().setDefault("store");
        }
        version("v1.0", "one");
        version("v2.0", "two");
    }

    private void version(String tag, String content) throws IOException {
        Files.createDirectories(origin.resolve("data"));
        Files.writeString(origin.resolve("data/a.txt"), content + "\n");
        Files.writeString(origin.resolve("data/b.txt"), "b\n");
        try (Repo repo = Repo.open(origin)) {
            repo.add(List.of("data"), AddOptions.defaults());
            repo.push(SyncOptions.of(List.of()));
        }
        DvcCli.git(origin, "add", "-A");
        DvcCli.git(origin, "commit", "-qm", tag);
        DvcCli.git(origin, "tag", tag);
    }

    private Path freshClone() {
        DvcCli.git(tmp, "clone", "-q", origin.toString(), "clone");
        return tmp.resolve("clone");
    }

    private static RevisionScope tags() {
        return new RevisionScope(false, true, false, List.of());
    }

    @Test
    void everyTagsObjectsAreFoundWithOnlyTheirManifestsDownloaded() throws IOException {
        Path clone = freshClone();
        CloudStatus st;
        try (Repo repo = Repo.open(clone)) {
            st = repo.cloudStatus(SyncOptions.of(List.of()).withScope(tags()));
        }
        assertThat(st.notOnRemote()).isEmpty();
        // data/ of v1.0 and v2.0 (two manifests), a.txt twice, b.txt once
        assertThat(st.entries()).hasSize(5);
        assertThat(st.manifestsFetched()).isEqualTo(2);
        try (Stream<Path> cached = Files.walk(clone.resolve(".dvc/cache"))) {
            assertThat(cached.filter(Files::isRegularFile)
                            .map(p -> p.getFileName().toString()))
                    .as("nothing but the manifests entered the cache")
                    .allMatch(n -> n.endsWith(".dir"));
        }
    }

    @Test
    void anObjectOnlyAnOldTagUsesIsMissedOnlyWhenTheTagsAreCovered() throws IOException {
        String md5 = FileHasher.md5Hex("one\n".getBytes(StandardCharsets.UTF_8));
        Files.delete(remote.resolve("files/md5/" + md5.substring(0, 2) + "/" + md5.substring(2)));
        Path clone = freshClone();
        try (Repo repo = Repo.open(clone)) {
            assertThat(repo.cloudStatus(SyncOptions.of(List.of())).notOnRemote())
                    .as("HEAD is v2.0")
                    .isEmpty();
            List<CloudStatus.Entry> missing = repo.cloudStatus(
                            SyncOptions.of(List.of()).withScope(tags()))
                    .notOnRemote();
            assertThat(missing).singleElement().satisfies(e -> {
                assertThat(e.name()).isEqualTo("data/a.txt");
                assertThat(e.revision()).isEqualTo("v1.0");
                assertThat(e.state().text()).isEqualTo("missing");
            });
        }
    }

    @Test
    void aRevisionThatDoesNotExistFails() {
        Path clone = freshClone();
        try (Repo repo = Repo.open(clone)) {
            assertThatThrownBy(() -> repo.cloudStatus(SyncOptions.of(List.of())
                            .withScope(new RevisionScope(false, false, false, List.of("v9.9")))))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("unknown git revision 'v9.9'");
        }
    }

    @Test
    void aRemoteThatCannotBeReachedFailsNamingIt() throws IOException {
        Path clone = freshClone();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (Repo repo = Repo.open(clone)) {
            repo.remotes().local().add("s3", "s3://bucket/path");
            repo.remotes().local().setDefault("s3");
        }
        try (Repo repo = Repo.open(clone)) {
            repo.remotes().local().modify("s3", "endpointurl", "http://127.0.0.1:" + closedPort);
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("AWS_ACCESS_KEY_ID", "AKIATESTDVCMAVEN0001");
        env.put("AWS_SECRET_ACCESS_KEY", "testSecretKeyThatMustNeverBeLogged000001");
        try (Repo repo = Repo.open(clone, RepoOptions.defaults().withCwd(clone).withEnv(env))) {
            assertThatThrownBy(() -> repo.cloudStatus(SyncOptions.of(List.of())))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("remote 's3'");
        }
    }

    @Test
    void pushAndPullCoverTheScopesRevisionsToo() throws IOException {
        String v1 = FileHasher.md5Hex("one\n".getBytes(StandardCharsets.UTF_8));
        String key = "files/md5/" + v1.substring(0, 2) + "/" + v1.substring(2);
        Path other = tmp.resolve("other-remote");
        try (Repo repo = Repo.open(origin)) {
            repo.remotes().add("other", other.toString());
        }
        try (Repo repo = Repo.open(origin)) {
            repo.push(SyncOptions.of(List.of()).withRemote("other"));
            assertThat(Files.exists(other.resolve(key)))
                    .as("HEAD does not use v1.0's a.txt")
                    .isFalse();
            repo.push(SyncOptions.of(List.of()).withRemote("other").withScope(tags()));
            assertThat(Files.exists(other.resolve(key)))
                    .as("v1.0's a.txt, pushed for the tags")
                    .isTrue();
        }
        Path clone = freshClone();
        try (Repo repo = Repo.open(clone)) {
            repo.pull(PullOptions.of(
                    SyncOptions.of(List.of()).withScope(new RevisionScope(false, false, false, List.of("v1.0")))));
            assertThat(new ObjectStore(clone.resolve(".dvc/cache")).exists(HashInfo.md5(v1)))
                    .isTrue();
        }
        assertThat(Files.readString(clone.resolve("data/a.txt")))
                .as("the workspace is HEAD's")
                .isEqualTo("two\n");
    }

    @Test
    void aCorruptLockAtAnOldTagFailsNamingTheTagAndTheFile() throws IOException {
        Files.writeString(origin.resolve("dvc.yaml"), """
                        stages:
                          copy:
                            cmd: cp data/a.txt out.txt
                            deps:
                            - data/a.txt
                            outs:
                            - out.txt
                        """);
        Files.writeString(origin.resolve("dvc.lock"), "schema: '2.0'\nstages:\n  copy: [unclosed\n");
        DvcCli.git(origin, "add", "-A");
        DvcCli.git(origin, "commit", "-qm", "broken lock");
        DvcCli.git(origin, "tag", "vbad");
        Files.delete(origin.resolve("dvc.lock"));
        Files.delete(origin.resolve("dvc.yaml"));
        Files.writeString(origin.resolve("extra.txt"), "only at HEAD\n");
        try (Repo repo = Repo.open(origin)) {
            repo.add(List.of("extra.txt"), AddOptions.defaults());
            repo.push(SyncOptions.of(List.of()));
        }
        DvcCli.git(origin, "add", "-A");
        DvcCli.git(origin, "commit", "-qm", "no pipeline, one more file");
        Path clone = freshClone();
        try (Repo repo = Repo.open(clone)) {
            assertThat(repo.cloudStatus(SyncOptions.of(List.of())).notOnRemote())
                    .isEmpty();
            assertThatThrownBy(() -> repo.cloudStatus(SyncOptions.of(List.of()).withScope(tags())))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("at git revision vbad")
                    .hasMessageContaining("dvc.lock");
            // a target that an old tag does not have: that tag has nothing of it to check
            assertThat(repo.cloudStatus(SyncOptions.of(List.of("extra.txt.dvc"))
                                    .withScope(new RevisionScope(false, false, false, List.of("v1.0"))))
                            .entries())
                    .extracting(CloudStatus.Entry::name)
                    .containsExactly("extra.txt");
        }
    }
}
