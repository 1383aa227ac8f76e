package io.github.dvcmaven.core.testing;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** fake-gcs-server (the Go emulator) as a child process on a free loopback port, in-memory. */
public final class FakeGcsServer implements CloudServer {
    public static final String BUCKET = "dvc-lab-cache";

    private final Process process;
    private final int port;
    private final Storage storage;

    public FakeGcsServer(Path workDir) throws Exception {
        Path binary = ExternalTools.fakeGcsServer();
        port = S3ProxyServer.freePort();
        Path data = Files.createDirectories(workDir.resolve("gcs-seed").resolve(BUCKET));
        process = new ProcessBuilder(
                        binary.toString(),
                        "-scheme",
                        "http",
                        "-host",
                        "127.0.0.1",
                        "-port",
                        String.valueOf(port),
                        "-backend",
                        "memory",
                        "-data",
                        data.getParent().toString(),
                        "-external-url",
                        endpoint(),
                        "-log-level",
                        "error")
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("fake-gcs-server.log").toFile())
                .start();
        awaitUp(endpoint() + "/storage/v1/b", process);
        storage = StorageOptions.newBuilder()
                .setHost(endpoint())
                .setProjectId("test")
                .setCredentials(NoCredentials.getInstance())
                .build()
                .getService();
    }

    static void awaitUp(String url, Process process) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "server exited with " + process.exitValue() + " before listening: " + url);
            }
            try {
                HttpURLConnection c =
                        (HttpURLConnection) URI.create(url).toURL().openConnection();
                c.setConnectTimeout(200);
                c.getResponseCode();
                c.disconnect();
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("server did not come up at " + url);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public String url(String prefix) {
        return "gs://" + BUCKET + "/" + prefix;
    }

    @Override
    public Map<String, Object> remoteOptions(boolean validCredentials) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("endpointurl", endpoint());
        o.put("allow_anonymous_login", "true");
        return o;
    }

    @Override
    public boolean checksCredentials() {
        return false;
    }

    @Override
    public Map<String, String> dvcEnv() {
        // gcsfs >= 2025.x first asks a gRPC control plane for the bucket layout, which emulators lack
        return Map.of("GCSFS_EXPERIMENTAL_ZB_HNS_SUPPORT", "false");
    }

    @Override
    public SortedSet<String> keys(String prefix) {
        TreeSet<String> keys = new TreeSet<>();
        for (Blob b : storage.list(BUCKET, Storage.BlobListOption.prefix(prefix + "/"))
                .iterateAll()) {
            keys.add(b.getName().substring(prefix.length() + 1));
        }
        return keys;
    }

    @Override
    public void put(String key, byte[] bytes) {
        storage.create(BlobInfo.newBuilder(BlobId.of(BUCKET, key)).build(), bytes);
    }

    @Override
    public void close() throws Exception {
        storage.close();
        process.destroy();
        process.waitFor();
    }
}
