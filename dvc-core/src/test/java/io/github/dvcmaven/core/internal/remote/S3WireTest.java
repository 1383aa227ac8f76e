package io.github.dvcmaven.core.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.fs.Modes;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import io.github.dvcmaven.core.testing.Datasets;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the S3 remote puts on the wire and how it reads answers, against a recording fake server: the
 * object options as signed headers, the payload hash botocore sends over http, keys encoded and listing
 * pages followed, and S3's error documents turned into messages that say what to do.
 */
class S3WireTest {
    @SuppressWarnings("ArrayRecordComponent") // a request as it arrived, compared by its fields
    record Seen(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {}

    record Answer(int status, String body, Map<String, String> headers) {
        Answer(int status, String body) {
            this(status, body, Map.of());
        }
    }

    @TempDir
    Path tmp;

    HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    volatile Function<Seen, Answer> answer = s -> new Answer(200, "");

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        Seen s = new Seen(
                ex.getRequestMethod(),
                ex.getRequestURI().getRawPath(),
                ex.getRequestURI().getRawQuery(),
                headers,
                ex.getRequestBody().readAllBytes());
        seen.add(s);
        Answer a = answer.apply(s);
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        boolean head = s.method().equals("HEAD");
        a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(a.status(), head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    private Remote remote(String url, Map<String, Object> extra) {
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("name", "wire");
        opts.put("url", url);
        opts.put("endpointurl", "http://127.0.0.1:" + server.getAddress().getPort());
        opts.put("access_key_id", "AKIAWIRETEST0000001");
        opts.put("secret_access_key", "wireTestSecretThatMustNotLeak00000001");
        opts.put("read_timeout", "10");
        opts.putAll(extra);
        return Remotes.open(opts, Map.of());
    }

    private static String error(String code) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
                + "</Code><Message>said the server</Message></Error>";
    }

    @Test
    void anUploadCarriesTheObjectOptionsAsSignedHeadersAndThePayloadHash() throws Exception {
        Path file = tmp.resolve("obj");
        Files.writeString(file, "payload bytes");
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("sse", "aws:kms");
        extra.put("sse_kms_key_id", "key-123");
        extra.put("acl", "bucket-owner-full-control");
        extra.put("session_token", "sessionTokenValue0001");
        try (Remote r = remote("s3://bucket/some prefix/ü", extra)) {
            r.upload(file, "files/md5/ab/cdef");
        }
        Seen put = seen.get(0);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.rawPath()).isEqualTo("/bucket/some%20prefix/%C3%BC/files/md5/ab/cdef");
        assertThat(new String(put.body(), StandardCharsets.UTF_8)).isEqualTo("payload bytes");
        assertThat(put.headers())
                .containsEntry("x-amz-server-side-encryption", "aws:kms")
                .containsEntry("x-amz-server-side-encryption-aws-kms-key-id", "key-123")
                .containsEntry("x-amz-acl", "bucket-owner-full-control")
                .containsEntry("x-amz-security-token", "sessionTokenValue0001")
                .containsEntry("content-length", "13");
        assertThat(put.headers())
                .as("no 100-continue round trip for a small body")
                .doesNotContainKey("expect");
        String sha = HexFormat.of()
                .formatHex(
                        MessageDigest.getInstance("SHA-256").digest("payload bytes".getBytes(StandardCharsets.UTF_8)));
        assertThat(put.headers()).containsEntry("x-amz-content-sha256", sha);
        String auth = put.headers().get("authorization");
        assertThat(auth)
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIAWIRETEST0000001/")
                .contains("/us-east-1/s3/aws4_request")
                .contains("x-amz-acl")
                .contains("x-amz-server-side-encryption")
                .contains("x-amz-security-token");
    }

    @Test
    void aBodyStreamedFromDiskAsksForContinueFirst() throws Exception {
        Path file = tmp.resolve("big");
        Datasets.writeRandom(file, (1 << 20) + 1, 5);
        try (Remote r = remote("s3://bucket/p", Map.of())) {
            r.upload(file, "files/md5/ab/big");
        }
        assertThat(seen.get(0).headers())
                .containsEntry("expect", "100-continue")
                .containsEntry("content-length", "1048577");
        assertThat(seen.get(0).body()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void aMultipartUploadCarriesTheObjectOptionsOnItsCreateRequest() throws Exception {
        Path file = tmp.resolve("huge");
        long size = (64L << 20) + 1;
        Datasets.writeRandom(file, size, 9);
        answer = s -> {
            String q = s.rawQuery() == null ? "" : s.rawQuery();
            if (s.method().equals("POST") && q.startsWith("uploads")) {
                return new Answer(
                        200,
                        "<InitiateMultipartUploadResult><Bucket>bucket</Bucket><Key>k</Key>"
                                + "<UploadId>up-1</UploadId></InitiateMultipartUploadResult>");
            }
            if (s.method().equals("PUT")) {
                return new Answer(200, "", Map.of("ETag", "\"etag-" + q.hashCode() + "\""));
            }
            if (s.method().equals("POST")) {
                return new Answer(
                        200, "<CompleteMultipartUploadResult><ETag>\"x-2\"</ETag></CompleteMultipartUploadResult>");
            }
            if (s.method().equals("HEAD")) {
                return new Answer(200, "", Map.of("Content-Length", String.valueOf(size)));
            }
            if (s.method().equals("GET") && q.startsWith("uploads")) {
                return new Answer(
                        200,
                        "<ListMultipartUploadsResult><Bucket>bucket</Bucket><IsTruncated>false</IsTruncated>"
                                + "</ListMultipartUploadsResult>");
            }
            return new Answer(400, error("BadRequest"));
        };
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("sse", "AES256");
        extra.put("acl", "private");
        try (Remote r = remote("s3://bucket/p", extra)) {
            r.upload(file, "files/md5/ab/huge");
        }
        Seen listing = seen.get(0);
        assertThat(listing.method())
                .as("the dead uploads of this key are looked for first")
                .isEqualTo("GET");
        assertThat(listing.rawQuery()).startsWith("uploads").contains("prefix=p%2Ffiles%2Fmd5%2Fab%2Fhuge");
        Seen create = seen.get(1);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.rawQuery()).startsWith("uploads");
        assertThat(create.headers())
                .containsEntry("x-amz-server-side-encryption", "AES256")
                .containsEntry("x-amz-acl", "private");
        assertThat(create.headers().get("authorization"))
                .contains("x-amz-acl")
                .contains("x-amz-server-side-encryption");
        assertThat(seen.stream().filter(s -> s.method().equals("PUT")).count()).isEqualTo(5);
    }

    @Test
    void aListingFollowsContinuationTokensAndDecodesKeys() throws Exception {
        answer = s -> {
            if (!s.method().equals("GET") || s.rawQuery() == null) {
                return new Answer(400, error("BadRequest"));
            }
            if (!s.rawQuery().contains("continuation-token=")) {
                return new Answer(
                        200,
                        "<ListBucketResult><IsTruncated>true</IsTruncated>"
                                + "<Contents><Key>p%20q/files/md5/00/0a</Key></Contents>"
                                + "<NextContinuationToken>tok/en+1=</NextContinuationToken></ListBucketResult>");
            }
            return new Answer(
                    200,
                    "<ListBucketResult><IsTruncated>false</IsTruncated>"
                            + "<Contents><Key>p%20q/files/md5/00/0b%2Bc</Key></Contents></ListBucketResult>");
        };
        try (Remote r = remote("s3://bucket/p q", Map.of())) {
            assertThat(r.list("files/md5/00/")).containsExactlyInAnyOrder("files/md5/00/0a", "files/md5/00/0b+c");
        }
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).rawPath()).isEqualTo("/bucket/");
        assertThat(seen.get(0).rawQuery())
                .contains("list-type=2")
                .contains("encoding-type=url")
                .contains("prefix=p%20q%2Ffiles%2Fmd5%2F00%2F");
        assertThat(seen.get(1).rawQuery()).contains("continuation-token=tok%2Fen%2B1%3D");
    }

    @Test
    void aMissingObjectIsMissingAndAMissingBucketSaysSo() throws Exception {
        answer = s -> s.rawPath().contains("gone")
                ? new Answer(404, error("NoSuchKey"))
                : new Answer(404, error("NoSuchBucket"));
        try (Remote r = remote("s3://bucket/x", Map.of())) {
            assertThat(r.exists("files/md5/ab/gone")).isFalse();
            assertThatThrownBy(() -> r.open("files/md5/ab/gone")).isInstanceOf(RemoteObjectMissingException.class);
            assertThatThrownBy(() -> r.open("files/md5/ab/here"))
                    .isInstanceOf(RemoteAuthException.class)
                    .hasMessageContaining("remote 'wire'")
                    .hasMessageContaining("bucket 'bucket' does not exist");
        }
    }

    @Test
    void aBucketInAnotherRegionNamesTheOptionToSet() throws Exception {
        answer = s -> new Answer(301, s.method().equals("HEAD") ? "" : error("PermanentRedirect"));
        try (Remote r = remote("s3://bucket/x", Map.of())) {
            assertThatThrownBy(() -> r.open("files/md5/ab/cd"))
                    .isInstanceOf(RemoteAuthException.class)
                    .hasMessageContaining("PermanentRedirect")
                    .hasMessageContaining("-Ddvc.option=region");
            assertThatThrownBy(() -> r.exists("files/md5/ab/cd"))
                    .isInstanceOf(RemoteAuthException.class)
                    .hasMessageContaining("another region");
        }
    }

    @Test
    void aServerErrorIsAnIoFailureNamingTheRemoteWithoutTheSecret() throws Exception {
        answer = s -> new Answer(500, error("InternalError"));
        try (Remote r = remote("s3://bucket/x", Map.of())) {
            assertThatThrownBy(() -> r.open("files/md5/ab/cd"))
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(RemoteAuthException.class)
                    .hasMessageContaining("remote 'wire'")
                    .hasMessageContaining("InternalError")
                    .hasMessageContaining("HTTP 500")
                    .hasMessageNotContaining("wireTestSecretThatMustNotLeak");
        }
    }

    @Test
    void objectsAreAddressedAsTheSdkAddressesThem() {
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("name", "aws");
        aws.put("url", "s3://my-bucket/dvc/store");
        aws.put("region", "eu-west-1");
        aws.put("access_key_id", "AKIAWIRETEST0000001");
        aws.put("secret_access_key", "wireTestSecretThatMustNotLeak00000001");
        try (S3Remote r = (S3Remote) Remotes.open(aws, Map.of())) {
            assertThat(r.objectBase()).isEqualTo("https://my-bucket.s3.eu-west-1.amazonaws.com/dvc/store/");
        }
        try (S3Remote r = (S3Remote) remote("s3://bucket/p", Map.of())) {
            assertThat(r.objectBase())
                    .isEqualTo("http://127.0.0.1:" + server.getAddress().getPort() + "/bucket/p/");
        }
    }

    private static final String CUSTOMER_KEY =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void aCustomerKeyGoesWithEveryRequestOnAnObjectsBytes() throws Exception {
        Path file = tmp.resolve("obj");
        Files.writeString(file, "secret bytes");
        answer = s -> s.method().equals("HEAD")
                ? new Answer(200, "", Map.of("Content-Length", "12"))
                : s.method().equals("GET") ? new Answer(200, "secret bytes") : new Answer(200, "");
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("sse_customer_key", CUSTOMER_KEY);
        try (Remote r = remote("s3://bucket/p", extra)) {
            r.upload(file, "files/md5/ab/cdef");
            assertThat(r.exists("files/md5/ab/cdef")).isTrue();
            try (InputStream in = r.open("files/md5/ab/cdef")) {
                assertThat(in.readAllBytes()).isEqualTo("secret bytes".getBytes(StandardCharsets.UTF_8));
            }
        }
        String keyMd5 = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("MD5")
                        .digest("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
        assertThat(seen).extracting(Seen::method).containsExactly("PUT", "HEAD", "GET");
        for (Seen s : seen) {
            assertThat(s.headers())
                    .as(s.method())
                    .containsEntry("x-amz-server-side-encryption-customer-algorithm", "AES256")
                    .containsEntry("x-amz-server-side-encryption-customer-key", CUSTOMER_KEY)
                    .containsEntry("x-amz-server-side-encryption-customer-key-md5", keyMd5);
            assertThat(s.headers().get("authorization")).contains("x-amz-server-side-encryption-customer-key");
        }
    }

    @Test
    void grantsAreHeadersOfTheUploadAndExcludeAnAclAsDvcSays() throws Exception {
        Path file = tmp.resolve("obj");
        Files.writeString(file, "x");
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("grant_read", "id=reader");
        extra.put("grant_full_control", "emailAddress=\"a@example.com\"");
        try (Remote r = remote("s3://bucket/p", extra)) {
            r.upload(file, "files/md5/ab/cdef");
        }
        assertThat(seen.get(0).headers())
                .containsEntry("x-amz-grant-read", "id=reader")
                .containsEntry("x-amz-grant-full-control", "emailAddress=\"a@example.com\"")
                .doesNotContainKey("x-amz-acl");
        extra.put("acl", "private");
        assertThatThrownBy(() -> remote("s3://bucket/p", extra))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("`acl` and `grant_*`")
                .hasMessageContaining("mutually exclusive");
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("sse_customer_key", CUSTOMER_KEY);
        both.put("sse_kms_key_id", "k");
        assertThatThrownBy(() -> remote("s3://bucket/p", both))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("mutually exclusive");
    }

    @Test
    void everyPutCarriesContentMd5SoTheServerRefusesDamagedBytes() throws Exception {
        Path small = tmp.resolve("small");
        Files.writeString(small, "payload bytes");
        Path big = tmp.resolve("big");
        Datasets.writeRandom(big, (1 << 20) + 7, 3);
        String bigMd5 = FileHasher.hash(big, "md5");
        try (Remote r = remote("s3://bucket/p", Map.of())) {
            r.upload(small, "files/md5/ab/cdef");
            r.upload(big, "files/md5/" + bigMd5.substring(0, 2) + "/" + bigMd5.substring(2));
        }
        Base64.Encoder b64 = Base64.getEncoder();
        assertThat(seen.get(0).headers())
                .containsEntry(
                        "content-md5",
                        b64.encodeToString(MessageDigest.getInstance("MD5")
                                .digest("payload bytes".getBytes(StandardCharsets.UTF_8))));
        assertThat(seen.get(1).headers())
                .containsEntry("content-md5", b64.encodeToString(HexFormat.of().parseHex(bigMd5)));
    }

    @Test
    void listobjectsListsWithVersionOneAndItsMarkers() throws Exception {
        answer = s -> {
            if (s.rawQuery().contains("list-type")) {
                return new Answer(400, error("NotImplemented"));
            }
            if (!s.rawQuery().contains("marker=")) {
                return new Answer(
                        200,
                        "<ListBucketResult><IsTruncated>true</IsTruncated>"
                                + "<Contents><Key>p/files/md5/00/0a</Key></Contents><Contents><Key>p/files/md5/00/0b%20c</Key></Contents>"
                                + "</ListBucketResult>");
            }
            return new Answer(
                    200,
                    "<ListBucketResult><IsTruncated>false</IsTruncated>"
                            + "<Contents><Key>p/files/md5/00/0d</Key></Contents></ListBucketResult>");
        };
        try (Remote r = remote("s3://bucket/p", Map.of("listobjects", "true"))) {
            assertThat(r.list("files/md5/00/"))
                    .containsExactlyInAnyOrder("files/md5/00/0a", "files/md5/00/0b c", "files/md5/00/0d");
        }
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).rawQuery())
                .contains("marker=p%2Ffiles%2Fmd5%2F00%2F0b%20c")
                .doesNotContain("list-type");
    }

    @Test
    void theAwsConfigFilesAddressingStyleIsHonoured() throws Exception {
        Path config = tmp.resolve("aws-config");
        Files.writeString(config, """
                        [profile ci]
                        region = eu-central-1
                        s3 =
                            addressing_style = virtual
                            multipart_threshold = 32MB
                        """);
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("name", "cfg");
        opts.put("url", "s3://my-bucket/store");
        opts.put("endpointurl", "http://minio.example.com:9000");
        opts.put("configpath", config.toString());
        opts.put("profile", "ci");
        opts.put("access_key_id", "AKIAWIRETEST0000001");
        opts.put("secret_access_key", "wireTestSecretThatMustNotLeak00000001");
        try (S3Remote r = (S3Remote) Remotes.open(opts, Map.of())) {
            assertThat(r.objectBase()).isEqualTo("http://my-bucket.minio.example.com:9000/store/");
        }
        Files.writeString(config, "[profile ci]\ns3 =\n    use_accelerate_endpoint = true\n");
        assertThatThrownBy(() -> Remotes.open(opts, Map.of()))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining(config.toString())
                .hasMessageContaining("[ci] s3.use_accelerate_endpoint")
                .hasMessageContaining("not supported");
    }

    @Test
    void aSkewedClockIsCorrectedFromTheServersDateAndTheRequestSignedAgain() throws Exception {
        DateTimeFormatter amzDate =
                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        answer = s -> {
            Instant signed = Instant.from(amzDate.parse(s.headers().get("x-amz-date")));
            boolean skewed = Math.abs(Duration.between(signed, Instant.now()).toMinutes()) > 15;
            return skewed ? new Answer(403, error("RequestTimeTooSkewed")) : new Answer(200, "right time");
        };
        try (S3Remote r = (S3Remote) remote("s3://bucket/p", Map.of())) {
            r.assumeClockSkew(Duration.ofHours(-2));
            try (InputStream in = r.open("files/md5/ab/cd")) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("right time");
            }
            try (InputStream in = r.open("files/md5/ab/ef")) {
                assertThat(in.readAllBytes()).hasSize(10);
            }
        }
        assertThat(seen)
                .as("one refused request, then every request signed with the server's time")
                .hasSize(3);
    }

    @Test
    void aFileThatShrinksDuringAMultipartReadFailsInsteadOfSendingZeros() throws Exception {
        Path file = tmp.resolve("shrinking");
        Files.write(file, new byte[100]);
        assertThatThrownBy(() -> S3Remote.readPart(file, 50, 80))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ended at 100 bytes");
        assertThat(S3Remote.readPart(file, 20, 80)).hasSize(80);
    }

    private HashInfo cached(ObjectStore store, String content) throws Exception {
        Path f = tmp.resolve("src-" + content.hashCode());
        Files.writeString(f, content);
        HashInfo h = HashInfo.md5(FileHasher.hash(f, "md5"));
        store.addFile(f, h, false);
        return h;
    }

    private long count(String method) {
        return seen.stream().filter(s -> s.method().equals(method)).count();
    }

    private final RepoListener quiet = new RepoListener() {};

    @Test
    void throttlingIsRetriedAndAPermanentRefusalIsNot() throws Exception {
        ObjectStore cache = new ObjectStore(tmp.resolve("cache"));
        HashInfo h = cached(cache, "throttled");
        AtomicInteger puts = new AtomicInteger();
        answer = s -> s.method().equals("HEAD")
                ? new Answer(404, "")
                : s.method().equals("PUT") && puts.incrementAndGet() <= 2
                        ? new Answer(503, error("SlowDown"))
                        : new Answer(200, "");
        try (Remote r = remote("s3://bucket/p", Map.of())) {
            Transfer.Result result = new Transfer(cache, r, 1, quiet).push(List.of(h));
            assertThat(result.failed()).isEmpty();
        }
        assertThat(count("PUT")).isEqualTo(3);

        seen.clear();
        answer = s -> s.method().equals("HEAD") ? new Answer(404, "") : new Answer(400, error("InvalidArgument"));
        try (Remote r = remote("s3://bucket/p", Map.of())) {
            Transfer.Result result = new Transfer(cache, r, 1, quiet).push(List.of(h));
            assertThat(result.failed()).hasSize(1);
            assertThat(result.failed().get(h)).contains("InvalidArgument").contains("HTTP 400");
        }
        assertThat(count("PUT")).as("a 400 is not worth another attempt").isEqualTo(1);
    }

    @Test
    void aDownloadDamagedInTransitIsFetchedOnceMoreAndAWrongObjectIsRefused() throws Exception {
        ObjectStore source = new ObjectStore(tmp.resolve("src-cache"));
        HashInfo h = cached(source, "the right bytes");
        AtomicInteger gets = new AtomicInteger();
        answer = s -> new Answer(200, gets.incrementAndGet() == 1 ? "the wrong bytes" : "the right bytes");
        ObjectStore fresh = new ObjectStore(tmp.resolve("fresh"));
        try (Remote r = remote("s3://bucket/p", Map.of())) {
            assertThat(new Transfer(fresh, r, 1, quiet).fetch(List.of(h)).failed())
                    .isEmpty();
        }
        assertThat(fresh.verifyContent(h)).isTrue();
        assertThat(gets.get()).isEqualTo(2);

        ObjectStore other = new ObjectStore(tmp.resolve("other"));
        answer = s -> new Answer(200, "the wrong bytes");
        gets.set(0);
        seen.clear();
        try (Remote r = remote("s3://bucket/p", Map.of())) {
            Transfer.Result result = new Transfer(other, r, 1, quiet).fetch(List.of(h));
            assertThat(result.failed()).hasSize(1);
        }
        assertThat(count("GET")).isEqualTo(2);
        assertThat(other.exists(h)).isFalse();
    }

    @Test
    void aRottenCacheObjectIsNeverPushedAndTheMessageSaysWhichAndHowToMendIt() throws Exception {
        ObjectStore cache = new ObjectStore(tmp.resolve("cache"));
        HashInfo good = cached(cache, "good bytes");
        HashInfo rotten = cached(cache, "rotting bytes");
        Path object = cache.path(rotten);
        Modes.chmod(object, 0644);
        Files.writeString(object, "rotted bytes!");
        Modes.chmod(object, 0444);
        answer = s -> s.method().equals("HEAD")
                ? new Answer(404, "")
                : s.method().equals("GET")
                        ? new Answer(200, "<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>")
                        : new Answer(200, "");
        try (Remote r = remote("s3://bucket/p", Map.of())) {
            Transfer.Result result = new Transfer(cache, r, 1, quiet).push(List.of(good, rotten));
            assertThat(result.transferred()).isEqualTo(1);
            assertThat(result.failed().get(rotten))
                    .contains(object.toString())
                    .contains("is corrupted")
                    .contains("rm -f")
                    .contains("mvn dvc:commit -Ddvc.force=true");
        }
        assertThat(seen.stream().filter(s -> s.method().equals("PUT")).map(Seen::rawPath))
                .containsExactly("/bucket/p/" + Transfer.key(good));
    }
}
