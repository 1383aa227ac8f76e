package io.github.dvcmaven.core.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which requests answer "which of these objects does the remote have": counted on a remote that
 * records them, for remotes of different sizes, and always the right answer.
 */
class ExistenceStrategyTest {
    @TempDir
    Path tmp;

    final Random random = new Random(42);

    /** An object store in memory that counts the requests it gets. */
    static final class CountingRemote implements Remote {
        final Set<String> keys = ConcurrentHashMap.newKeySet();
        final List<String> listed = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger existsCalls = new AtomicInteger();
        final boolean object;

        CountingRemote(boolean objectStore) {
            this.object = objectStore;
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public String url() {
            return "mem://counting";
        }

        @Override
        public boolean prefersListing() {
            return object;
        }

        @Override
        public boolean exists(String key) {
            existsCalls.incrementAndGet();
            return keys.contains(key);
        }

        @Override
        public Set<String> list(String prefix) {
            listed.add(prefix);
            Set<String> out = new HashSet<>();
            for (String k : keys) {
                if (k.startsWith(prefix)) {
                    out.add(k);
                }
            }
            return out;
        }

        @Override
        public void upload(Path file, String key, LongConsumer sent) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream open(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String key) {
            keys.remove(key);
        }
    }

    private HashInfo randomObject(String hexPrefix) {
        StringBuilder sb = new StringBuilder(hexPrefix);
        while (sb.length() < 32) {
            sb.append(Integer.toHexString(random.nextInt(16)));
        }
        return HashInfo.md5(sb.toString());
    }

    private List<HashInfo> objects(int n) {
        List<HashInfo> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(randomObject(""));
        }
        return out;
    }

    private Set<HashInfo> ask(CountingRemote remote, List<HashInfo> wanted) {
        return new Transfer(new ObjectStore(tmp.resolve("cache")), remote, 8, new RepoListener() {}).onRemote(wanted);
    }

    /** Stores some of the wanted objects and {@code extra} others (a share of them in the sampled prefix). */
    private Set<HashInfo> populate(CountingRemote remote, List<HashInfo> wanted, int extra, int extraInSample) {
        Set<HashInfo> present = new HashSet<>();
        for (int i = 0; i < wanted.size(); i += 3) {
            present.add(wanted.get(i));
            remote.keys.add(Transfer.key(wanted.get(i)));
        }
        for (int i = 0; i < extra; i++) {
            remote.keys.add(Transfer.key(randomObject(i < extraInSample ? "000" : "")));
        }
        return present;
    }

    @Test
    void aNewRemoteIsListedOnceInsteadOfAskedPerObject() {
        CountingRemote remote = new CountingRemote(true);
        List<HashInfo> wanted = objects(2000);
        Set<HashInfo> present = populate(remote, wanted.subList(0, 30), 0, 0);

        assertThat(ask(remote, wanted)).isEqualTo(present);
        assertThat(remote.listed).containsExactly("files/md5/00/0", "files/md5/");
        assertThat(remote.existsCalls).hasValue(0);
    }

    @Test
    void aMidSizeRemoteIsListedByItsPrefixesSideBySide() {
        CountingRemote remote = new CountingRemote(true);
        List<HashInfo> wanted = objects(3000);
        // 12 sampled keys: an estimated 49,152 objects, 49 pages, more than 256 prefixes / 8 jobs
        Set<HashInfo> present = populate(remote, wanted, 12, 12);

        assertThat(ask(remote, wanted)).isEqualTo(present);
        assertThat(remote.listed).hasSize(1 + 256).contains("files/md5/00/", "files/md5/ff/", "files/md5/7a/");
        assertThat(remote.existsCalls).hasValue(0);
    }

    @Test
    void fewObjectsOnABigRemoteAreAskedForOneByOne() {
        CountingRemote remote = new CountingRemote(true);
        List<HashInfo> wanted = objects(40);
        wanted.add(randomObject("000"));
        // 150 sampled keys: an estimated 614,400 objects, so listing would cost thousands of pages
        Set<HashInfo> present = populate(remote, wanted, 150, 150);

        assertThat(ask(remote, wanted)).isEqualTo(present);
        assertThat(remote.listed).containsExactly("files/md5/00/0");
        // the object under the sampled prefix is already answered by the sample
        assertThat(remote.existsCalls).hasValue(40);
    }

    @Test
    void aLocalDirectoryIsAskedPerObjectAndASingleObjectIsAlwaysAsked() {
        CountingRemote local = new CountingRemote(false);
        List<HashInfo> wanted = objects(500);
        Set<HashInfo> present = populate(local, wanted, 0, 0);
        assertThat(ask(local, wanted)).isEqualTo(present);
        assertThat(local.listed).isEmpty();
        assertThat(local.existsCalls).hasValue(500);

        CountingRemote store = new CountingRemote(true);
        List<HashInfo> one = objects(1);
        Set<HashInfo> stored = populate(store, one, 0, 0);
        assertThat(ask(store, one)).isEqualTo(stored);
        assertThat(store.listed).isEmpty();
        assertThat(store.existsCalls).hasValue(1);
    }
}
