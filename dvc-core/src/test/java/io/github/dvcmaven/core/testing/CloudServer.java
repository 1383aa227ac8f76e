package io.github.dvcmaven.core.testing;

import io.github.dvcmaven.core.internal.remote.Remotes;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedSet;

/**
 * A storage server a test started on loopback, seen three ways: as options for our remote, as config
 * for the real dvc, and directly (through the vendor SDK or the server's own API, never through the
 * code under test) to list and plant objects.
 */
public interface CloudServer extends AutoCloseable {
    /** The remote URL of {@code prefix} in the test bucket or container, e.g. {@code s3://bucket/prefix}. */
    String url(String prefix);

    /** Options (besides name and url) for our remote; {@code validCredentials=false} gives wrong ones. */
    Map<String, Object> remoteOptions(boolean validCredentials);

    /** Whether the server rejects wrong credentials (emulators such as fake-gcs-server accept anything). */
    boolean checksCredentials();

    /** Environment the real dvc needs to talk to this server. */
    Map<String, String> dvcEnv();

    /** Adds remote {@code name} at {@code prefix} as the repo's default, secrets in config.local, with the real dvc. */
    default void configureDvc(DvcCli dvc, Path repo, String name, String prefix) {
        dvc.ok(repo, "remote", "add", "-f", "-d", name, url(prefix));
        for (Map.Entry<String, Object> e : remoteOptions(true).entrySet()) {
            boolean secret = Remotes.SECRET_KEYS.contains(e.getKey());
            if (secret) {
                dvc.ok(repo, "remote", "modify", "--local", name, e.getKey(), String.valueOf(e.getValue()));
            } else {
                dvc.ok(repo, "remote", "modify", name, e.getKey(), String.valueOf(e.getValue()));
            }
        }
    }

    /** Every object key under {@code prefix/}, relative to it. */
    SortedSet<String> keys(String prefix) throws Exception;

    /** Stores bytes under a full key (prefix included), bypassing our code. */
    void put(String key, byte[] bytes) throws Exception;
}
