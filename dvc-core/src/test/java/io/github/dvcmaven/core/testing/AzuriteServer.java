package io.github.dvcmaven.core.testing;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Azurite's blob service (from npm) as a child process on a free loopback port. */
public final class AzuriteServer implements CloudServer {
    public static final String CONTAINER = "dvc-lab-cache";
    /** Azurite's documented development account: public, not a secret. */
    static final String ACCOUNT = "devstoreaccount1";

    static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private final Process process;
    private final int port;
    private final BlobContainerClient container;

    public AzuriteServer(Path workDir) throws Exception {
        Path binary = ExternalTools.azuriteBlob();
        port = S3ProxyServer.freePort();
        Path location = Files.createDirectories(workDir.resolve("azurite"));
        process = new ProcessBuilder(List.of(
                        binary.toString(),
                        "--blobHost",
                        "127.0.0.1",
                        "--blobPort",
                        String.valueOf(port),
                        "--location",
                        location.toString(),
                        "--disableTelemetry",
                        "--skipApiVersionCheck",
                        "--loose",
                        "--silent"))
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("azurite.log").toFile())
                .start();
        FakeGcsServer.awaitUp("http://127.0.0.1:" + port + "/" + ACCOUNT + "?comp=list", process);
        container = new BlobServiceClientBuilder()
                .connectionString(connectionString(KEY))
                .buildClient()
                .getBlobContainerClient(CONTAINER);
        container.create();
    }

    String connectionString(String key) {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + key
                + ";BlobEndpoint=http://127.0.0.1:" + port + "/" + ACCOUNT + ";";
    }

    @Override
    public String url(String prefix) {
        return "azure://" + CONTAINER + "/" + prefix;
    }

    @Override
    public Map<String, Object> remoteOptions(boolean validCredentials) {
        Map<String, Object> o = new LinkedHashMap<>();
        // a wrong key of the right shape: base64 of 64 bytes
        String key = validCredentials ? KEY : Base64.getEncoder().encodeToString(new byte[64]);
        o.put("connection_string", connectionString(key));
        return o;
    }

    @Override
    public boolean checksCredentials() {
        return true;
    }

    @Override
    public Map<String, String> dvcEnv() {
        return Map.of();
    }

    @Override
    public SortedSet<String> keys(String prefix) {
        TreeSet<String> keys = new TreeSet<>();
        for (BlobItem b : container.listBlobs(new ListBlobsOptions().setPrefix(prefix + "/"), null)) {
            keys.add(b.getName().substring(prefix.length() + 1));
        }
        return keys;
    }

    @Override
    public void put(String key, byte[] bytes) {
        container.getBlobClient(key).upload(BinaryData.fromBytes(bytes), true);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
    }
}
