package io.github.dvcmaven.core.internal.remote;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HttpProxy;
import io.github.dvcmaven.core.internal.cache.CorruptObjectException;
import io.github.dvcmaven.core.internal.fs.FileBytes;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3Utilities;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.utils.AttributeMap;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * An S3 (or S3-compatible: MinIO, Ceph, R2, …) remote configured from dvc's options: {@code endpointurl}
 * (path-style addressing then, unless the AWS config's {@code addressing_style} says), {@code region}, {@code profile},
 * {@code credentialpath}, explicit keys from config.local, {@code use_ssl}, {@code ssl_verify},
 * {@code sse}/{@code sse_kms_key_id}, {@code acl}, timeouts; otherwise the SDK's default chain (env,
 * profiles, web identity / OIDC, instance roles).
 */
public final class S3Remote implements Remote {
    /** Above this, uploads go in parts (botocore's default threshold is 8 MiB; parts cost requests). */
    private static final long MULTIPART_THRESHOLD = 64L << 20;

    private static final long PART_SIZE = 16L << 20;
    private static final long MIN_PART_SIZE = 5L << 20;
    private static final int MAX_PARTS = 10_000;
    private static final int PART_THREADS = 4;
    private static final Map<String, String> GRANTS = Map.of(
            "grant_read",
            "x-amz-grant-read",
            "grant_read_acp",
            "x-amz-grant-read-acp",
            "grant_write_acp",
            "x-amz-grant-write-acp",
            "grant_full_control",
            "x-amz-grant-full-control");

    /**
     * A multipart upload of the same key begun this long ago belongs to a push that died (kill -9, lost
     * machine): its parts bill until someone aborts them. Younger ones may be a teammate's push in flight.
     */
    private static final Duration ABANDONED_UPLOAD_AGE = Duration.ofHours(1);

    private static final Pattern OBJECT_KEY = Pattern.compile("files/md5/([0-9a-f]{2})/([0-9a-f]{30})(\\.dir)?");

    /** Files up to this size are read into memory for their PUT; bigger ones are streamed from disk. */
    private static final int IN_MEMORY_BODY = 1 << 20;

    private final String name;
    private final String url;
    private final String bucket;
    private final String prefix;
    private final RemoteOptions options;
    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final AwsS3Settings settings;
    private final Map<String, String> customerKeyHeaders;
    private final SignedS3Requests requests;
    private volatile S3Client client;
    private volatile Duration abandonedUploadAge = ABANDONED_UPLOAD_AGE;

    S3Remote(
            String name,
            String url,
            Map<String, Object> options,
            Map<String, String> env,
            Map<String, HttpProxy> proxies) {
        this.name = name;
        this.url = url;
        this.options = new RemoteOptions(name, options, env);
        String[] bp = this.options.bucketAndPrefix(url, "s3", "s3://bucket/path");
        this.bucket = bp[0];
        this.prefix = bp[1];
        this.settings = AwsS3Settings.load(name, opt("configpath"), opt("profile"), env);
        this.endpoint = endpoint();
        this.region = region(env);
        this.credentials = credentials(env);
        this.customerKeyHeaders = customerKeyHeaders();
        checkObjectOptions();
        this.http = httpClient(proxies);
        this.requests = new SignedS3Requests(
                http, credentials, region.id(), bucketUrl(), customerKeyHeaders, flag("listobjects", false));
    }

    /**
     * The bucket's URL: on an S3-compatible endpoint {@code endpoint/bucket} (path-style) or
     * {@code scheme://bucket.host} (virtual-hosted); on AWS as the SDK's endpoint rules resolve it
     * (regional virtual-hosted names, other partitions), which costs a quarter second of class loading.
     */
    private URI bucketUrl() {
        try {
            if (endpoint != null) {
                String path = endpoint.getRawPath() == null
                        ? ""
                        : endpoint.getRawPath().replaceAll("/+$", "");
                String encodedBucket = SdkHttpUtils.urlEncode(bucket);
                return pathStyle()
                        ? new URI(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path + "/" + encodedBucket
                                + "/")
                        : new URI(
                                endpoint.getScheme() + "://" + bucket + "." + endpoint.getRawAuthority() + path + "/");
            }
            return S3Utilities.builder()
                    .region(region)
                    .s3Configuration(S3Configuration.builder()
                            .pathStyleAccessEnabled(pathStyle())
                            .build())
                    .build()
                    .getUrl(b -> b.bucket(bucket).key("k"))
                    .toURI()
                    .resolve(".");
        } catch (URISyntaxException | SdkException e) {
            throw new DvcException(
                    "remote '" + name + "': cannot address bucket '" + bucket + "' (" + Remotes.redact(e.getMessage())
                            + ")",
                    "check the url and endpointurl of the remote");
        }
    }

    private String opt(String key) {
        return options.get(key);
    }

    private boolean flag(String key, boolean defaultValue) {
        return options.flag(key, defaultValue);
    }

    private URI endpoint() {
        String e = opt("endpointurl");
        if (e == null) {
            return null;
        }
        return URI.create(e.contains("://") ? e : (flag("use_ssl", true) ? "https://" : "http://") + e);
    }

    /** Path-style on an S3-compatible endpoint, virtual-hosted on AWS, unless the AWS config's addressing_style says. */
    private boolean pathStyle() {
        return settings.pathStyle() != null ? settings.pathStyle() : endpoint != null;
    }

    private SdkHttpClient httpClient(Map<String, HttpProxy> proxies) {
        AttributeMap.Builder attributes = AttributeMap.builder();
        String sslVerify = opt("ssl_verify");
        ApacheHttpClient.Builder builder = ApacheHttpClient.builder();
        if (sslVerify != null && !isBoolean(sslVerify)) {
            builder.tlsTrustManagersProvider(CaBundle.trustManagers(name, Path.of(sslVerify)));
        } else if (sslVerify != null && !flag("ssl_verify", true)) {
            attributes.put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE);
        }
        // no "Expect: 100-continue" round trip for a small object's PUT (botocore sends none for a body
        // in memory either); uploads streamed from disk ask for it themselves
        String scheme = endpoint != null ? endpoint.getScheme() : "https";
        HttpProxy proxy = HttpProxy.forScheme(proxies, scheme);
        // never the SDK's own reading of proxy system properties and variables: the front end decided
        software.amazon.awssdk.http.apache.ProxyConfiguration.Builder p =
                software.amazon.awssdk.http.apache.ProxyConfiguration.builder()
                        .useSystemPropertyValues(false)
                        .useEnvironmentVariableValues(false);
        if (proxy != null) {
            p.endpoint(URI.create("http://" + proxy.host() + ":" + proxy.port()))
                    .nonProxyHosts(new HashSet<>(proxy.nonProxyHosts()));
            if (proxy.username() != null) {
                p.username(proxy.username()).password(proxy.password());
            }
        }
        builder.proxyConfiguration(p.build());
        return builder.maxConnections(64)
                .expectContinueEnabled(false)
                .connectionTimeout(Duration.ofSeconds(seconds("connect_timeout", 30)))
                .socketTimeout(Duration.ofSeconds(seconds("read_timeout", 120)))
                .buildWithDefaults(attributes.build());
    }

    /** The SDK's client, built on first use: only multipart uploads need it. */
    private S3Client client() {
        S3Client c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = buildClient();
                }
                c = client;
            }
        }
        return c;
    }

    private S3Client buildClient() {
        S3ClientBuilder b = S3Client.builder();
        if (endpoint != null) {
            b.endpointOverride(endpoint);
        }
        b.forcePathStyle(pathStyle());
        // one signature over the whole payload (as botocore sends it), not aws-chunked encoding with a
        // signature per 128 KiB chunk, which S3-compatible servers parse slowly or not at all
        b.serviceConfiguration(
                S3Configuration.builder().chunkedEncodingEnabled(false).build());
        // newer SDKs add CRC checksums and chunked signing by default, which MinIO, Ceph, S3Proxy and
        // other S3-compatible stores reject; dvc (botocore) sends plain requests: so do we
        b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
        b.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        b.region(region);
        b.credentialsProvider(credentials);
        b.httpClient(http);
        b.overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD)
                .apiCallAttemptTimeout(Duration.ofSeconds(seconds("read_timeout", 120) + 30)));
        return b.build();
    }

    /** As dvc's schema reads ssl_verify: true or false in any case is a flag, anything else the path of a CA bundle. */
    private static boolean isBoolean(String v) {
        return Set.of("true", "false").contains(lower(v));
    }

    private long seconds(String key, long def) {
        return options.seconds(key, def);
    }

    /**
     * The region option, else the environment or the profile file, else us-east-1, as botocore resolves
     * it. Never the EC2 metadata service: off EC2 that lookup only waits for its timeout.
     */
    private Region region(Map<String, String> env) {
        String r = opt("region");
        if (r != null) {
            return Region.of(r);
        }
        String fromEnv = env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION"));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Region.of(fromEnv);
        }
        try {
            String profile = opt("profile");
            ProfileFile file = settings.profileFile();
            Region fromProfile = new AwsProfileRegionProvider(
                            file == null ? null : () -> file,
                            profile != null ? profile : env.getOrDefault("AWS_PROFILE", "default"))
                    .getRegion();
            if (fromProfile != null) {
                return fromProfile;
            }
        } catch (SdkClientException e) {
            // no profile file or no region in it
        }
        return Region.US_EAST_1;
    }

    private AwsCredentialsProvider credentials(Map<String, String> env) {
        if (flag("allow_anonymous_login", false)) {
            return AnonymousCredentialsProvider.create();
        }
        String key = opt("access_key_id");
        String secret = opt("secret_access_key");
        if ((key == null) != (secret == null)) {
            throw new DvcException(
                    "remote '" + name + "' has " + (key != null ? "access_key_id" : "secret_access_key") + " but no "
                            + (key != null ? "secret_access_key" : "access_key_id"),
                    "set both, in .dvc/config.local (mvn dvc:remote -Ddvc.action=modify -Ddvc.local=true ...) or a"
                            + " settings.xml <server> with id '" + name + "' (username, password)");
        }
        if (key != null) {
            String token = opt("session_token");
            return () -> token != null
                    ? AwsSessionCredentials.create(key, secret, token)
                    : AwsBasicCredentials.create(key, secret);
        }
        // the environment given (the JVM API's, not only the process's) is the chain's first link
        String envKey = env.get("AWS_ACCESS_KEY_ID");
        String envSecret = env.get("AWS_SECRET_ACCESS_KEY");
        if (envKey != null && envSecret != null && opt("profile") == null) {
            Remotes.registerSecret(envSecret);
            String envToken = env.get("AWS_SESSION_TOKEN");
            return () -> envToken != null
                    ? AwsSessionCredentials.create(envKey, envSecret, envToken)
                    : AwsBasicCredentials.create(envKey, envSecret);
        }
        String profile = opt("profile");
        String credentialPath = opt("credentialpath");
        if (credentialPath != null || profile != null) {
            ProfileCredentialsProvider.Builder pb = ProfileCredentialsProvider.builder();
            if (profile != null) {
                pb.profileName(profile);
            }
            if (credentialPath != null && env.get("AWS_SHARED_CREDENTIALS_FILE") == null) {
                pb.profileFile(ProfileFile.builder()
                        .content(Path.of(credentialPath))
                        .type(ProfileFile.Type.CREDENTIALS)
                        .build());
            }
            return pb.build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** For tests: sign as a machine whose clock is off by this much. */
    void assumeClockSkew(Duration skew) {
        requests.assumeClockSkew(skew);
    }

    /** Where object keys go, for tests of the addressing. */
    String objectBase() {
        return requests.base() + "/" + prefix;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public boolean exists(String key) throws IOException {
        return call(key, () -> requests.head(prefix + key).isPresent());
    }

    @Override
    public Set<String> list(String keyPrefix) throws IOException {
        Set<String> keys = new HashSet<>();
        for (ObjectInfo o : listInfo(keyPrefix)) {
            keys.add(o.key());
        }
        return keys;
    }

    @Override
    public ObjectInfo stat(String key) throws IOException {
        return call(
                key,
                () -> requests.stat(prefix + key)
                        .map(i -> new ObjectInfo(key, i.size(), i.etag(), i.versionId()))
                        .orElse(null));
    }

    @Override
    public List<ObjectInfo> listInfo(String keyPrefix) throws IOException {
        return call(keyPrefix, () -> {
            List<ObjectInfo> out = new ArrayList<>();
            String next = null;
            do {
                SignedS3Requests.Page page = requests.list(prefix + keyPrefix, next);
                for (ObjectInfo o : page.objects()) {
                    out.add(new ObjectInfo(o.key().substring(prefix.length()), o.size(), o.etag()));
                }
                next = page.next();
            } while (next != null);
            return out;
        });
    }

    /** A big file in parts, each reported when the server has it; a small one reported once sent. */
    @Override
    public void upload(Path file, String key, LongConsumer sent) throws IOException {
        long size = Files.size(file);
        if (size > multipartThreshold()) {
            call(key, () -> {
                multipartUpload(file, key, size, sent);
                return null;
            });
            return;
        }
        Map<String, String> headers = objectHeaders();
        ContentStreamProvider body;
        if (size <= IN_MEMORY_BODY) {
            byte[] bytes = FileBytes.read(file, (int) size);
            byte[] digest = md5(bytes);
            String named = md5FromKey(key);
            if (named != null && !named.equals(HexFormat.of().formatHex(digest))) {
                throw new CorruptObjectException("the cache object " + file + " does not match" + " its name " + key
                        + ": not pushed; check the cache with `mvn dvc:gc -Ddvc.verify=true`");
            }
            headers.put("Content-MD5", Base64.getEncoder().encodeToString(digest));
            body = ContentStreamProvider.fromByteArrayUnsafe(bytes);
        } else {
            String named = md5FromKey(key);
            if (named != null) {
                // the object's name is the MD5 of its bytes: the server refuses a body that does not match it
                headers.put(
                        "Content-MD5",
                        Base64.getEncoder().encodeToString(HexFormat.of().parseHex(named)));
            }
            body = ContentStreamProvider.fromInputStreamSupplier(() -> {
                try {
                    return Files.newInputStream(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            headers.put("Expect", "100-continue");
        }
        call(key, () -> {
            requests.put(prefix + key, body, size, headers);
            return null;
        });
        sent.accept(size);
    }

    /** The sse, sse_kms_key_id, SSE-C, acl and grant_* options as the headers of a new object's request. */
    private Map<String, String> objectHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        putIfSet(headers, "x-amz-server-side-encryption", "sse");
        putIfSet(headers, "x-amz-server-side-encryption-aws-kms-key-id", "sse_kms_key_id");
        putIfSet(headers, "x-amz-acl", "acl");
        GRANTS.forEach((option, header) -> putIfSet(headers, header, option));
        headers.putAll(customerKeyHeaders);
        return headers;
    }

    /** Options dvc refuses together, refused here the same way. */
    private void checkObjectOptions() {
        if (opt("sse_customer_key") != null && opt("sse_kms_key_id") != null) {
            throw new DvcException("remote '" + name
                    + "': `sse_kms_key_id` and `sse_customer_key` AWS S3 config options are mutually exclusive");
        }
        if (opt("acl") != null && GRANTS.keySet().stream().anyMatch(g -> opt(g) != null)) {
            throw new DvcException(
                    "remote '" + name + "': `acl` and `grant_*` AWS S3 config options are mutually exclusive");
        }
    }

    /**
     * SSE-C: the customer key (base64 in the config, as dvc reads it) goes with every request that writes
     * or reads an object's bytes, with its MD5 so the server can check it arrived intact.
     */
    private Map<String, String> customerKeyHeaders() {
        String encoded = opt("sse_customer_key");
        if (encoded == null) {
            if (opt("sse_customer_algorithm") != null) {
                throw new DvcException(
                        "remote '" + name + "': sse_customer_algorithm is set but sse_customer_key is not",
                        "set both, the key in .dvc/config.local");
            }
            return Map.of();
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new DvcException(
                    "remote '" + name + "': sse_customer_key is not base64",
                    "give the 32-byte key base64-encoded, as dvc reads it",
                    e);
        }
        String algorithm = opt("sse_customer_algorithm") != null ? opt("sse_customer_algorithm") : "AES256";
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-amz-server-side-encryption-customer-algorithm", algorithm);
        h.put("x-amz-server-side-encryption-customer-key", Base64.getEncoder().encodeToString(key));
        h.put(
                "x-amz-server-side-encryption-customer-key-MD5",
                Base64.getEncoder().encodeToString(md5(key)));
        return Map.copyOf(h);
    }

    private static byte[] md5(byte[] bytes) {
        return FileHasher.newMd5().digest(bytes);
    }

    private long multipartThreshold() {
        return settings.multipartThreshold() != null
                ? Math.max(MIN_PART_SIZE, settings.multipartThreshold())
                : MULTIPART_THRESHOLD;
    }

    private void putIfSet(Map<String, String> headers, String header, String option) {
        if (opt(option) != null) {
            headers.put(header, opt(option));
        }
    }

    /**
     * A big file in parts uploaded side by side; the object appears only when the upload completes, and
     * a failed upload is aborted so no parts linger (and bill).
     */
    private void multipartUpload(Path file, String key, long size, LongConsumer sent) throws IOException {
        Map<String, String> headers = objectHeaders();
        CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder()
                .bucket(bucket)
                .key(prefix + key)
                .overrideConfiguration(o -> headers.forEach(o::putHeader));
        S3Client client = client();
        abortAbandonedUploads(client, prefix + key);
        String uploadId = client.createMultipartUpload(create.build()).uploadId();
        long chosen = settings.multipartChunkSize() != null
                ? Math.max(MIN_PART_SIZE, settings.multipartChunkSize())
                : PART_SIZE;
        long partSize = Math.max(chosen, (size + MAX_PARTS - 1) / MAX_PARTS);
        int parts = (int) ((size + partSize - 1) / partSize);
        int threads = settings.maxConcurrentRequests() != null ? settings.maxConcurrentRequests() : PART_THREADS;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, parts));
        try {
            List<Future<CompletedPart>> futures = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                int number = i + 1;
                long offset = i * partSize;
                long length = Math.min(partSize, size - offset);
                futures.add(pool.submit(() -> {
                    byte[] bytes = readPart(file, offset, (int) length);
                    String etag = client.uploadPart(
                                    UploadPartRequest.builder()
                                            .bucket(bucket)
                                            .key(prefix + key)
                                            .uploadId(uploadId)
                                            .partNumber(number)
                                            .contentLength(length)
                                            .contentMD5(Base64.getEncoder().encodeToString(md5(bytes)))
                                            .overrideConfiguration(o -> customerKeyHeaders.forEach(o::putHeader))
                                            .build(),
                                    RequestBody.fromBytes(bytes))
                            .eTag();
                    sent.accept(length);
                    return CompletedPart.builder().partNumber(number).eTag(etag).build();
                }));
            }
            List<CompletedPart> done = new ArrayList<>();
            for (Future<CompletedPart> f : futures) {
                done.add(f.get());
            }
            client.completeMultipartUpload(b -> b.bucket(bucket)
                    .key(prefix + key)
                    .uploadId(uploadId)
                    .multipartUpload(
                            CompletedMultipartUpload.builder().parts(done).build()));
        } catch (Exception e) {
            throw multipartFailure(e, key, uploadId);
        } finally {
            pool.shutdownNow();
        }
        // a server can fail while assembling the parts after it already answered 200 (S3 sends the
        // status early and the error in the body); trust the upload only once the object is there
        Long stored;
        try {
            stored = requests.head(prefix + key).orElse(null);
        } catch (IOException | SdkException e) {
            throw new IOException(
                    "remote '" + name + "' (" + url + "): the multipart upload of " + key
                            + " was acknowledged, but the object cannot be read back: "
                            + Remotes.redact(String.valueOf(e.getMessage())),
                    e);
        }
        if (stored == null || stored != size) {
            throw new IOException("remote '" + name + "' (" + url + "): the multipart upload of " + key
                    + " was acknowledged, but the object has " + stored + " bytes instead of " + size);
        }
    }

    /**
     * Aborts the unfinished multipart uploads of this key that a dead push left (see ABANDONED_UPLOAD_AGE).
     * Housekeeping only: a policy without s3:ListBucketMultipartUploads, or an upload a teammate just
     * finished, must not fail the push.
     */
    private void abortAbandonedUploads(S3Client client, String fullKey) {
        Instant before = Instant.now().minus(abandonedUploadAge);
        try {
            for (software.amazon.awssdk.services.s3.model.MultipartUpload u : client.listMultipartUploadsPaginator(
                            b -> b.bucket(bucket).prefix(fullKey))
                    .uploads()) {
                if (u.key().equals(fullKey)
                        && u.initiated() != null
                        && !u.initiated().isAfter(before)) {
                    client.abortMultipartUpload(
                            b -> b.bucket(bucket).key(fullKey).uploadId(u.uploadId()));
                }
            }
        } catch (AwsServiceException e) {
            // not allowed, or already gone: the push itself does not depend on it
        }
    }

    /** For tests: the age past which another process's unfinished upload of a key counts as abandoned. */
    void setAbandonedUploadAge(Duration age) {
        this.abandonedUploadAge = age;
    }

    /** The MD5 a dvc 3 object key names ({@code files/md5/ab/cdef…[.dir]}), or null for other keys. */
    static String md5FromKey(String key) {
        Matcher m = OBJECT_KEY.matcher(key);
        return m.matches() ? m.group(1) + m.group(2) : null;
    }

    /** A part's bytes; a file that got shorter since the upload began fails rather than sending zeros. */
    static byte[] readPart(Path file, long offset, int length) throws IOException {
        byte[] bytes = new byte[length];
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                if (ch.read(buf, offset + buf.position()) < 0) {
                    throw new IOException(file + " ended at " + (offset + buf.position()) + " bytes while uploading it"
                            + " (it changed or shrank during the push)");
                }
            }
        }
        return bytes;
    }

    /** Aborts the upload (no parts linger and bill) and says why it failed. */
    private IOException multipartFailure(Exception e, String key, String uploadId) {
        try {
            client().abortMultipartUpload(
                            b -> b.bucket(bucket).key(prefix + key).uploadId(uploadId));
        } catch (SdkException abortFailure) {
            e.addSuppressed(abortFailure);
        }
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof SdkException sdk) {
            return translate(sdk, key);
        }
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IOException(
                "remote '" + name + "' (" + url + "): multipart upload of " + key + " failed: "
                        + Remotes.redact(String.valueOf(cause.getMessage())),
                cause);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return call(key, () -> requests.get(prefix + key));
    }

    @Override
    public void delete(String key) throws IOException {
        call(key, () -> {
            requests.delete(prefix + key);
            return null;
        });
    }

    @FunctionalInterface
    private interface Request<T> {
        T run() throws IOException;
    }

    /**
     * Runs one request, its failures turned into IOExceptions naming the remote (credentials and missing
     * buckets as RemoteAuthException, which is not retried; an absent object as missing).
     */
    private <T> T call(String key, Request<T> request) throws IOException {
        try {
            return request.run();
        } catch (SignedS3Requests.Failure e) {
            if ("NoSuchKey".equals(e.code)) {
                throw new RemoteObjectMissingException(key);
            }
            throw translate(e.status, e.code, e.getMessage());
        } catch (SdkException e) {
            throw translate(e, key);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private IOException translate(int status, String code, String detail) {
        String where = "remote '" + name + "' (" + url + ")";
        if (status == 403 || "InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)) {
            return new RemoteAuthException(where + " refused the credentials (" + code + "): check access_key_id/"
                    + "secret_access_key in .dvc/config.local, AWS_* variables or the profile; for S3-compatible"
                    + " servers also endpointurl and region");
        }
        if ("NoSuchBucket".equals(code)) {
            return new RemoteAuthException(where + ": bucket '" + bucket + "' does not exist");
        }
        if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
            return new RemoteAuthException(where + ": " + Remotes.redact(detail)
                    + "; the bucket is in another region: set it with `mvn dvc:remote -Ddvc.action=modify -Ddvc.name="
                    + name + " -Ddvc.option=region -Ddvc.value=REGION`");
        }
        if (status == 501 && !customerKeyHeaders.isEmpty()) {
            return new RemoteAuthException(where + ": the server does not implement server-side encryption with"
                    + " customer keys (" + Remotes.redact(detail)
                    + "); unset sse_customer_key for this remote: `mvn dvc:remote"
                    + " -Ddvc.action=modify -Ddvc.name=" + name
                    + " -Ddvc.option=sse_customer_key -Ddvc.local=true -Ddvc.unset=true`");
        }
        return new RemoteRequestException(status, code, where + ": " + Remotes.redact(detail));
    }

    /** An SDK failure as an IOException whose message names the remote and never a secret. */
    private IOException translate(SdkException e, String key) {
        String where = "remote '" + name + "' (" + url + ")";
        if (e instanceof AwsServiceException s) {
            int code = s.statusCode();
            String error = s.awsErrorDetails() != null ? s.awsErrorDetails().errorCode() : String.valueOf(code);
            return translate(code, error, error + " on " + key + " (HTTP " + code + ")");
        }
        if (String.valueOf(e.getMessage()).startsWith("Unable to load credentials")) {
            return new RemoteAuthException(where + " has no AWS credentials: set access_key_id and secret_access_key"
                    + " in .dvc/config.local or a settings.xml <server id=\"" + name + "\">, or use AWS_* variables,"
                    + " a profile, or web identity (OIDC) in CI");
        }
        return new IOException(where + ": " + Remotes.redact(e.getMessage()));
    }

    @Override
    public void close() {
        S3Client c = client;
        if (c != null) {
            c.close();
        }
        http.close();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
