package io.github.dvcmaven.core.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/** An in-process S3 server (S3Proxy over an in-memory store) on a free loopback port, with one bucket. */
public final class S3ProxyServer implements CloudServer {
    public static final String BUCKET = "dvc-lab-cache";
    public static final String ACCESS_KEY = "AKIATESTDVCMAVEN0001";
    public static final String SECRET_KEY = "testSecretKeyThatMustNeverBeLogged000001";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final int port;

    public S3ProxyServer() throws Exception {
        this(freePort());
    }

    public S3ProxyServer(int port) throws Exception {
        this(port, null);
    }

    /** On {@code port}, storing in memory, or under {@code directory} when it is given. */
    public S3ProxyServer(int port, Path directory) throws Exception {
        this(port, directory, UnaryOperator.identity());
    }

    /** In memory, with the blob store seen through {@code decorate} (to make the server misbehave). */
    public S3ProxyServer(UnaryOperator<BlobStore> decorate) throws Exception {
        this(freePort(), null, decorate);
    }

    private S3ProxyServer(int port, Path directory, UnaryOperator<BlobStore> decorate) throws Exception {
        this.port = port;
        Properties props = new Properties();
        if (directory == null) {
            context = ContextBuilder.newBuilder(new org.jclouds.blobstore.TransientApiMetadata())
                    .credentials("identity", "credential")
                    .overrides(props)
                    .build(BlobStoreContext.class);
        } else {
            props.setProperty("jclouds.filesystem.basedir", directory.toString());
            context = ContextBuilder.newBuilder(new org.jclouds.filesystem.FilesystemApiMetadata())
                    .credentials("identity", "credential")
                    .overrides(props)
                    .build(BlobStoreContext.class);
        }
        proxy = S3Proxy.builder()
                .blobStore(decorate.apply(context.getBlobStore()))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        for (int i = 0; i < 500 && !proxy.getState().equals("STARTED"); i++) {
            Thread.sleep(10);
        }
        createBucket(BUCKET);
    }

    @Override
    public String url(String prefix) {
        return "s3://" + BUCKET + "/" + prefix;
    }

    @Override
    public Map<String, Object> remoteOptions(boolean validCredentials) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("endpointurl", endpoint());
        o.put("access_key_id", ACCESS_KEY);
        o.put("secret_access_key", validCredentials ? SECRET_KEY : "wrongSecretThatMustNotAppearAnywhere99");
        return o;
    }

    @Override
    public boolean checksCredentials() {
        return true;
    }

    @Override
    public Map<String, String> dvcEnv() {
        // botocore's new default checksums are not understood by many S3-compatible servers
        return Map.of(
                "AWS_REQUEST_CHECKSUM_CALCULATION",
                "when_required",
                "AWS_RESPONSE_CHECKSUM_VALIDATION",
                "when_required");
    }

    @Override
    public SortedSet<String> keys(String prefix) {
        TreeSet<String> keys = new TreeSet<>();
        String marker = null;
        do {
            org.jclouds.blobstore.options.ListContainerOptions opts =
                    org.jclouds.blobstore.options.ListContainerOptions.Builder.prefix(prefix + "/")
                            .recursive();
            if (marker != null) {
                opts.afterMarker(marker);
            }
            org.jclouds.blobstore.domain.PageSet<? extends org.jclouds.blobstore.domain.StorageMetadata> page =
                    blobs().list(BUCKET, opts);
            page.forEach(m -> keys.add(m.getName().substring(prefix.length() + 1)));
            marker = page.getNextMarker();
        } while (marker != null);
        return keys;
    }

    @Override
    public void put(String key, byte[] bytes) {
        blobs().putBlob(BUCKET, blobs().blobBuilder(key).payload(bytes).build());
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public BlobStore blobs() {
        return context.getBlobStore();
    }

    public void createBucket(String bucket) {
        blobs().createContainerInLocation(null, bucket);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
