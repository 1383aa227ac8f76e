package io.github.dvcmaven.core.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/** An in-process S3 server (S3Proxy over an in-memory store) on a free loopback port. */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "AKIATESTDVCMAVEN0001";
    public static final String SECRET_KEY = "testSecretKeyThatMustNeverBeLogged000001";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final int port;

    public S3ProxyServer() throws Exception {
        port = freePort();
        Properties props = new Properties();
        props.setProperty("jclouds.provider", "transient");
        context = ContextBuilder.newBuilder(new org.jclouds.blobstore.TransientApiMetadata()).credentials("identity", "credential").overrides(props)
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        for (int i = 0; i < 500 && !proxy.getState().equals("STARTED"); i++) {
            Thread.sleep(10);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
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
