package io.github.dvcmaven.core.internal.remote;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import io.github.dvcmaven.core.testing.CloudServer;
import io.github.dvcmaven.core.testing.Datasets;
import io.github.dvcmaven.core.testing.S3ProxyServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The remote contract on S3 (S3Proxy, in-process). */
class S3RemoteTest extends RemoteContractTest {
    @Override
    protected CloudServer start(Path dir) throws Exception {
        return new S3ProxyServer();
    }

    @Test
    void listobjectsListsAMultiPageRemoteWithVersionOne() throws Exception {
        ObjectStore local = new ObjectStore(tmp.resolve("cache"));
        List<HashInfo> objects = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            objects.add(put(local, "object " + i));
        }
        Map<String, Object> opts = new LinkedHashMap<>(server.remoteOptions(true));
        opts.put("name", "v1");
        opts.put("url", server.url(prefix));
        opts.put("listobjects", "true");
        try (Remote r = Remotes.open(opts, Map.of())) {
            org.assertj.core.api.Assertions.assertThat(
                            new Transfer(local, r, 8, listener).push(objects).failed())
                    .isEmpty();
            Set<String> listed = r.list("files/md5/");
            org.assertj.core.api.Assertions.assertThat(listed)
                    .hasSize(1200)
                    .containsAll(objects.stream().map(Transfer::key).toList());
        }
    }

    @Test
    void aServerWithoutCustomerKeyEncryptionFailsThePushSayingSoAndHowToUnsetIt() throws Exception {
        // S3Proxy answers SSE-C headers with 501 Not Implemented, as several S3-compatible stores do
        ObjectStore local = new ObjectStore(tmp.resolve("cache"));
        HashInfo h = put(local, "secret payload");
        Map<String, Object> opts = new LinkedHashMap<>(server.remoteOptions(true));
        opts.put("name", "ssec");
        opts.put("url", server.url(prefix));
        opts.put("sse_customer_key", Base64.getEncoder().encodeToString(new byte[32]));
        try (Remote r = Remotes.open(opts, Map.of())) {
            Map<HashInfo, String> failed =
                    new Transfer(local, r, 1, listener).push(List.of(h)).failed();
            org.assertj.core.api.Assertions.assertThat(String.valueOf(failed))
                    .contains("does not implement server-side encryption with customer keys")
                    .contains("-Ddvc.name=ssec -Ddvc.option=sse_customer_key -Ddvc.local=true -Ddvc.unset=true");
        }
        org.assertj.core.api.Assertions.assertThat(server.keys(prefix)).isEmpty();
    }

    @Test
    void aBigFileGoesUpInPartsAndComesBackIntact() throws Exception {
        ObjectStore local = new ObjectStore(tmp.resolve("cache"));
        HashInfo h = cacheRandomFile(local, "big.bin", (70L << 20) + 12345, 7);
        try (Remote r = remote(true)) {
            Transfer.Result pushed = new Transfer(local, r, 2, listener).push(List.of(h));
            org.assertj.core.api.Assertions.assertThat(pushed.failed()).isEmpty();
            ObjectStore fresh = new ObjectStore(tmp.resolve("fresh"));
            org.assertj.core.api.Assertions.assertThat(new Transfer(fresh, r, 2, listener)
                            .fetch(List.of(h))
                            .failed())
                    .isEmpty();
            org.assertj.core.api.Assertions.assertThat(fresh.verifyContent(h)).isTrue();
        }
        // a multipart ETag has a part count after a dash: proof the upload went in parts
        org.assertj.core.api.Assertions.assertThat(((S3ProxyServer) server)
                        .blobs()
                        .blobMetadata(S3ProxyServer.BUCKET, prefix + "/" + Transfer.key(h))
                        .getETag())
                .contains("-");
    }

    @Test
    void aPushAbortsTheUnfinishedUploadADeadPushLeftOfTheSameObject() throws Exception {
        ObjectStore local = new ObjectStore(tmp.resolve("cache"));
        HashInfo h = cacheRandomFile(local, "big.bin", (66L << 20) + 5, 11);
        S3ProxyServer s3 = (S3ProxyServer) server;
        String key = prefix + "/" + Transfer.key(h);
        // what a push killed between its parts leaves: an upload begun, never completed nor aborted
        try (software.amazon.awssdk.services.s3.S3Client sdk = sdkClient(s3)) {
            String dead = sdk.createMultipartUpload(
                            b -> b.bucket(S3ProxyServer.BUCKET).key(key))
                    .uploadId();
            sdk.uploadPart(
                    b -> b.bucket(S3ProxyServer.BUCKET).key(key).uploadId(dead).partNumber(1),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[6 << 20]));
        }
        org.assertj.core.api.Assertions.assertThat(unfinishedUploads(s3)).hasSize(1);
        try (Remote r = remote(true)) {
            // S3Proxy reports every unfinished upload as begun at the moment it is listed
            ((S3Remote) r).setAbandonedUploadAge(Duration.ofMinutes(-1));
            org.assertj.core.api.Assertions.assertThat(
                            new Transfer(local, r, 1, listener).push(List.of(h)).failed())
                    .isEmpty();
        }
        org.assertj.core.api.Assertions.assertThat(unfinishedUploads(s3)).isEmpty();
    }

    private static software.amazon.awssdk.services.s3.S3Client sdkClient(S3ProxyServer s3) {
        return software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(URI.create(s3.endpoint()))
                .forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .requestChecksumCalculation(
                        software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .build();
    }

    private List<String> unfinishedUploads(S3ProxyServer s3) {
        return s3.blobs().listMultipartUploads(S3ProxyServer.BUCKET).stream()
                .map(u -> u.blobName())
                .filter(n -> n.startsWith(prefix + "/"))
                .toList();
    }

    @Test
    void aYoungUnfinishedUploadIsLeftAloneForItMayBeATeammatesPushInFlight() throws Exception {
        ObjectStore local = new ObjectStore(tmp.resolve("cache"));
        HashInfo h = cacheRandomFile(local, "big.bin", (66L << 20) + 9, 12);
        S3ProxyServer s3 = (S3ProxyServer) server;
        s3.blobs()
                .initiateMultipartUpload(
                        S3ProxyServer.BUCKET,
                        s3.blobs()
                                .blobBuilder(prefix + "/" + Transfer.key(h))
                                .build()
                                .getMetadata(),
                        org.jclouds.blobstore.options.PutOptions.NONE);
        try (Remote r = remote(true)) {
            org.assertj.core.api.Assertions.assertThat(
                            new Transfer(local, r, 1, listener).push(List.of(h)).failed())
                    .isEmpty();
        }
        org.assertj.core.api.Assertions.assertThat(unfinishedUploads(s3)).hasSize(1);
    }

    @Test
    void aMultipartUploadTheServerAcknowledgesButDoesNotStoreFailsThePush() throws Exception {
        // like S3Proxy's in-memory store running out of heap while assembling the parts after its early 200
        try (S3ProxyServer lossy =
                new S3ProxyServer(store -> new org.jclouds.blobstore.util.ForwardingBlobStore(store) {
                    @Override
                    public String completeMultipartUpload(
                            org.jclouds.blobstore.domain.MultipartUpload mpu,
                            List<org.jclouds.blobstore.domain.MultipartPart> parts) {
                        delegate().abortMultipartUpload(mpu);
                        return "\"d41d8cd98f00b204e9800998ecf8427e-" + parts.size() + "\"";
                    }
                })) {
            ObjectStore local = new ObjectStore(tmp.resolve("c2"));
            HashInfo h = cacheRandomFile(local, "lost.bin", (65L << 20) + 1, 3);
            Map<String, Object> opts = new LinkedHashMap<>(lossy.remoteOptions(true));
            opts.put("name", "lossy");
            opts.put("url", lossy.url("lost"));
            try (Remote r = Remotes.open(opts, Map.of())) {
                Transfer.Result pushed = new Transfer(local, r, 1, listener).push(List.of(h));
                org.assertj.core.api.Assertions.assertThat(pushed.failed()).hasSize(1);
                org.assertj.core.api.Assertions.assertThat(String.valueOf(pushed.failed()))
                        .contains("remote 'lossy'")
                        .contains("was acknowledged, but the object");
            }
        }
    }

    @Test
    void aKeyIdWithoutItsSecretIsAConfigErrorNamingTheRemote() {
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("name", "storage");
        opts.put("url", server.url(prefix));
        opts.put("access_key_id", "AKIAONLYTHEID");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Remotes.open(opts, Map.of()))
                .hasMessageContaining("remote 'storage' has access_key_id but no secret_access_key");
    }

    @Test
    void wrongCredentialsFailClearlyWithoutPrintingTheSecret() throws Exception {
        assertWrongCredentialsFailClearlyWithoutPrintingTheSecret();
    }

    /** A file of random bytes written under the test's directory and added to {@code store}; its hash. */
    private HashInfo cacheRandomFile(ObjectStore store, String name, long size, long seed) throws Exception {
        Path file = tmp.resolve(name);
        Datasets.writeRandom(file, size, seed);
        HashInfo h = HashInfo.md5(FileHasher.hash(file, "md5"));
        store.addFile(file, h, false);
        return h;
    }
}
