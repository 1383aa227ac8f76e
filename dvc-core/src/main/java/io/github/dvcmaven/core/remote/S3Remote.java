package io.github.dvcmaven.core.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * An S3 (or S3-compatible: MinIO, Ceph, R2, …) remote configured from dvc's options: {@code endpointurl}
 * (path-style addressing then, unless {@code path_style = false}), {@code region}, {@code profile},
 * {@code credentialpath}, explicit keys from config.local, {@code use_ssl}, {@code ssl_verify},
 * {@code sse}/{@code sse_kms_key_id}, {@code acl}, timeouts; otherwise the SDK's default chain (env,
 * profiles, web identity / OIDC, instance roles).
 */
public final class S3Remote implements Remote {
    /** Above this, uploads go in parts (botocore's default threshold is 8 MiB; parts cost requests). */
    private static final long MULTIPART_THRESHOLD = 64L << 20;
    private static final long PART_SIZE = 16L << 20;
    private static final int MAX_PARTS = 10_000;
    private static final int PART_THREADS = 4;

    private final String name;
    private final String url;
    private final String bucket;
    private final String prefix;
    private final S3Client client;
    private final RemoteOptions options;

    S3Remote(String name, String url, Map<String, Object> options, Map<String, String> env) {
        this.name = name;
        this.url = url;
        this.options = new RemoteOptions(name, options, env);
        String[] bp = this.options.bucketAndPrefix(url, "s3", "s3://bucket/path");
        this.bucket = bp[0];
        this.prefix = bp[1];
        this.client = build(env);
    }

    private String opt(String key) {
        return options.get(key);
    }

    private boolean flag(String key, boolean defaultValue) {
        return options.flag(key, defaultValue);
    }

    private S3Client build(Map<String, String> env) {
        S3ClientBuilder b = S3Client.builder();
        String endpoint = opt("endpointurl");
        if (endpoint != null) {
            if (!endpoint.contains("://")) {
                endpoint = (flag("use_ssl", true) ? "https://" : "http://") + endpoint;
            }
            b.endpointOverride(URI.create(endpoint));
        }
        b.forcePathStyle(flag("path_style", endpoint != null));
        // one signature over the whole payload (as botocore sends it), not aws-chunked encoding with a
        // signature per 128 KiB chunk, which S3-compatible servers parse slowly or not at all
        b.serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().chunkedEncodingEnabled(false).build());
        // newer SDKs add CRC checksums and chunked signing by default, which MinIO, Ceph, S3Proxy and
        // other S3-compatible stores reject; dvc (botocore) sends plain requests: so do we
        b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
        b.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        b.region(region(env));
        b.credentialsProvider(credentials(env));
        AttributeMap.Builder http = AttributeMap.builder();
        String sslVerify = opt("ssl_verify");
        if (sslVerify != null && sslVerify.equalsIgnoreCase("false")) {
            http.put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE);
        }
        ApacheHttpClient.Builder apache = ApacheHttpClient.builder().maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(seconds("connect_timeout", 30)))
                .socketTimeout(Duration.ofSeconds(seconds("read_timeout", 120)));
        b.httpClient(apache.buildWithDefaults(http.build()));
        b.overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD)
                .apiCallAttemptTimeout(Duration.ofSeconds(seconds("read_timeout", 120) + 30)));
        return b.build();
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
            Region fromProfile = new AwsProfileRegionProvider(null, profile != null ? profile : env.getOrDefault("AWS_PROFILE", "default"))
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
            throw new io.github.dvcmaven.core.DvcException("remote '" + name + "' has " + (key != null ? "access_key_id" : "secret_access_key")
                    + " but no " + (key != null ? "secret_access_key" : "access_key_id"),
                    "set both, in .dvc/config.local (mvn dvc:remote -Ddvc.action=modify -Ddvc.local=true ...) or a"
                            + " settings.xml <server> with id '" + name + "' (username, password)");
        }
        if (key != null) {
            String token = opt("session_token");
            return () -> token != null ? AwsSessionCredentials.create(key, secret, token) : AwsBasicCredentials.create(key, secret);
        }
        String profile = opt("profile");
        String credentialPath = opt("credentialpath");
        if (credentialPath != null || profile != null) {
            ProfileCredentialsProvider.Builder pb = ProfileCredentialsProvider.builder();
            if (profile != null) {
                pb.profileName(profile);
            }
            if (credentialPath != null && env.get("AWS_SHARED_CREDENTIALS_FILE") == null) {
                pb.profileFile(ProfileFile.builder().content(Path.of(credentialPath)).type(ProfileFile.Type.CREDENTIALS).build());
            }
            return pb.build();
        }
        return DefaultCredentialsProvider.builder().build();
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
        try {
            client.headObject(HeadObjectRequest.builder().bucket(bucket).key(prefix + key).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw translate(e, key);
        } catch (SdkException e) {
            throw translate(e, key);
        }
    }

    @Override
    public Set<String> list(String keyPrefix) throws IOException {
        Set<String> keys = new HashSet<>();
        try {
            for (S3Object o : client.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket)
                    .prefix(prefix + keyPrefix).build()).contents()) {
                keys.add(o.key().substring(prefix.length()));
            }
            return keys;
        } catch (SdkException e) {
            throw translate(e, keyPrefix);
        }
    }

    @Override
    public void upload(Path file, String key) throws IOException {
        long size = java.nio.file.Files.size(file);
        try {
            if (size > MULTIPART_THRESHOLD) {
                multipartUpload(file, key, size);
                return;
            }
            PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket).key(prefix + key);
            objectOptions(put::serverSideEncryption, put::ssekmsKeyId, put::acl);
            client.putObject(put.build(), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw translate(e, key);
        }
    }

    /** The sse, sse_kms_key_id and acl options, applied to a new object's request. */
    private void objectOptions(java.util.function.Function<ServerSideEncryption, ?> sse,
            java.util.function.Function<String, ?> kms, java.util.function.Function<ObjectCannedACL, ?> acl) {
        if (opt("sse") != null) {
            sse.apply(ServerSideEncryption.fromValue(opt("sse")));
        }
        if (opt("sse_kms_key_id") != null) {
            kms.apply(opt("sse_kms_key_id"));
        }
        if (opt("acl") != null) {
            acl.apply(ObjectCannedACL.fromValue(opt("acl")));
        }
    }

    /**
     * A big file in parts uploaded side by side; the object appears only when the upload completes, and
     * a failed upload is aborted so no parts linger (and bill).
     */
    private void multipartUpload(Path file, String key, long size) throws IOException {
        CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder().bucket(bucket).key(prefix + key);
        objectOptions(create::serverSideEncryption, create::ssekmsKeyId, create::acl);
        String uploadId = client.createMultipartUpload(create.build()).uploadId();
        long partSize = Math.max(PART_SIZE, (size + MAX_PARTS - 1) / MAX_PARTS);
        int parts = (int) ((size + partSize - 1) / partSize);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.min(PART_THREADS, parts));
        try {
            List<java.util.concurrent.Future<CompletedPart>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < parts; i++) {
                int number = i + 1;
                long offset = i * partSize;
                long length = Math.min(partSize, size - offset);
                futures.add(pool.submit(() -> {
                    byte[] bytes = new byte[(int) length];
                    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
                        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
                        while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) >= 0) {
                            // keep reading
                        }
                    }
                    String etag = client.uploadPart(UploadPartRequest.builder().bucket(bucket).key(prefix + key)
                            .uploadId(uploadId).partNumber(number).contentLength(length).build(), RequestBody.fromBytes(bytes)).eTag();
                    return CompletedPart.builder().partNumber(number).eTag(etag).build();
                }));
            }
            List<CompletedPart> done = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<CompletedPart> f : futures) {
                done.add(f.get());
            }
            client.completeMultipartUpload(b -> b.bucket(bucket).key(prefix + key).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(done).build()));
        } catch (Exception e) {
            throw multipartFailure(e, key, uploadId);
        } finally {
            pool.shutdownNow();
        }
        // a server can fail while assembling the parts after it already answered 200 (S3 sends the
        // status early and the error in the body); trust the upload only once the object is there
        Long stored;
        try {
            stored = client.headObject(b -> b.bucket(bucket).key(prefix + key)).contentLength();
        } catch (SdkException e) {
            throw new IOException("remote '" + name + "' (" + url + "): the multipart upload of " + key
                    + " was acknowledged, but the object cannot be read back: " + Remotes.redact(String.valueOf(e.getMessage())), e);
        }
        if (stored == null || stored != size) {
            throw new IOException("remote '" + name + "' (" + url + "): the multipart upload of " + key
                    + " was acknowledged, but the object has " + stored + " bytes instead of " + size);
        }
    }

    /** Aborts the upload (no parts linger and bill) and says why it failed. */
    private IOException multipartFailure(Exception e, String key, String uploadId) {
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(prefix + key).uploadId(uploadId));
        } catch (SdkException abortFailure) {
            e.addSuppressed(abortFailure);
        }
        Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof SdkException sdk) {
            return translate(sdk, key);
        }
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IOException("remote '" + name + "' (" + url + "): multipart upload of " + key + " failed: "
                + Remotes.redact(String.valueOf(cause.getMessage())), cause);
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return client.getObject(b -> b.bucket(bucket).key(prefix + key));
        } catch (NoSuchKeyException e) {
            throw new RemoteObjectMissingException(key);
        } catch (SdkException e) {
            throw translate(e, key);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(prefix + key));
        } catch (SdkException e) {
            throw translate(e, key);
        }
    }

    /** An SDK failure as an IOException whose message names the remote and never a secret. */
    private IOException translate(SdkException e, String key) {
        String where = "remote '" + name + "' (" + url + ")";
        if (e instanceof AwsServiceException s) {
            int code = s.statusCode();
            String error = s.awsErrorDetails() != null ? s.awsErrorDetails().errorCode() : String.valueOf(code);
            if (code == 403 || "InvalidAccessKeyId".equals(error) || "SignatureDoesNotMatch".equals(error)) {
                return new RemoteAuthException(where + " refused the credentials (" + error + "): check access_key_id/"
                        + "secret_access_key in .dvc/config.local, AWS_* variables or the profile; for S3-compatible"
                        + " servers also endpointurl and region");
            }
            if ("NoSuchBucket".equals(error)) {
                return new RemoteAuthException(where + ": bucket '" + bucket + "' does not exist");
            }
            return new IOException(where + ": " + error + " on " + key + " (HTTP " + code + ")");
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
        client.close();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
