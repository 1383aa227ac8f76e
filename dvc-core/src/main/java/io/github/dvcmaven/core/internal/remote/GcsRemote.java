package io.github.dvcmaven.core.internal.remote;

import com.google.api.gax.paging.Page;
import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.BaseServiceException;
import com.google.cloud.NoCredentials;
import com.google.cloud.ReadChannel;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HttpProxy;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * A Google Cloud Storage remote configured from dvc's gs options: {@code projectname},
 * {@code credentialpath} (a service-account or user JSON key), {@code endpointurl} (or
 * {@code STORAGE_EMULATOR_HOST}, as gcsfs honours it), {@code allow_anonymous_login}; otherwise
 * application default credentials.
 */
public final class GcsRemote implements Remote {
    /** Above this, uploads go through a resumable session; below, one request carries the bytes. */
    private static final long SINGLE_REQUEST_LIMIT = 8L << 20;

    private final String name;
    private final String url;
    private final String bucket;
    private final String prefix;
    private final Storage storage;

    private final Map<String, HttpProxy> proxies;

    GcsRemote(
            String name,
            String url,
            Map<String, Object> values,
            Map<String, String> env,
            Map<String, HttpProxy> proxies) {
        this.proxies = proxies;
        this.name = name;
        this.url = url;
        RemoteOptions options = new RemoteOptions(name, values, env);
        String[] bp = options.bucketAndPrefix(url, url.substring(0, url.indexOf("://")), "gs://bucket/path");
        this.bucket = bp[0];
        this.prefix = bp[1];
        this.storage = build(options, env);
    }

    private Storage build(RemoteOptions options, Map<String, String> env) {
        StorageOptions.Builder b = StorageOptions.newBuilder();
        String endpoint = options.get("endpointurl");
        if (endpoint == null && env.get("STORAGE_EMULATOR_HOST") != null) {
            endpoint = env.get("STORAGE_EMULATOR_HOST");
            if (!endpoint.contains("://")) {
                endpoint = "http://" + endpoint;
            }
        }
        if (endpoint != null) {
            b.setHost(endpoint.replaceAll("/+$", ""));
        }
        String project = options.get("projectname");
        b.setProjectId(project != null ? project : env.getOrDefault("GOOGLE_CLOUD_PROJECT", "dvc-maven"));
        b.setCredentials(credentials(options, endpoint != null && env.get("STORAGE_EMULATOR_HOST") != null));
        int connect = (int) options.seconds("connect_timeout", 30) * 1000;
        int read = (int) options.seconds("read_timeout", 120) * 1000;
        HttpTransportOptions.Builder transport =
                HttpTransportOptions.newBuilder().setConnectTimeout(connect).setReadTimeout(read);
        URI target = URI.create(endpoint != null ? endpoint : "https://storage.googleapis.com");
        HttpProxy proxy = HttpProxy.forScheme(proxies, target.getScheme());
        if (proxy != null && !proxy.bypasses(target.getHost())) {
            if (proxy.username() != null) {
                throw new DvcException(
                        "remote '" + name + "': the proxy " + proxy + " asks for a login, which dvc-maven"
                                + " cannot give for gs:// remotes",
                        "use a proxy without authentication for Google Cloud Storage");
            }
            Proxy p = new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxy.host(), proxy.port()));
            transport.setHttpTransportFactory(() -> new com.google.api.client.http.javanet.NetHttpTransport.Builder()
                    .setProxy(p)
                    .build());
        }
        b.setTransportOptions(transport.build());
        return b.build().getService();
    }

    private Credentials credentials(RemoteOptions options, boolean emulator) {
        if (options.flag("allow_anonymous_login", false)) {
            return NoCredentials.getInstance();
        }
        String path = options.get("credentialpath");
        try {
            if (path != null) {
                try (InputStream in = Files.newInputStream(Path.of(path))) {
                    return GoogleCredentials.fromStream(in)
                            .createScoped("https://www.googleapis.com/auth/devstorage.read_write");
                }
            }
            if (emulator) {
                return NoCredentials.getInstance();
            }
            return GoogleCredentials.getApplicationDefault();
        } catch (IOException e) {
            throw new DvcException(
                    "remote '" + name + "': no usable Google credentials"
                            + (path != null ? " in credentialpath '" + path + "'" : "") + " ("
                            + Remotes.redact(e.getMessage()) + ")",
                    "set credentialpath to a service-account JSON key (in .dvc/config.local), run"
                            + " `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS",
                    e);
        }
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
            return storage.get(BlobId.of(bucket, prefix + key), Storage.BlobGetOption.fields(Storage.BlobField.SIZE))
                    != null;
        } catch (BaseServiceException e) {
            throw translate(e, key);
        }
    }

    @Override
    public Set<String> list(String keyPrefix) throws IOException {
        Set<String> keys = new HashSet<>();
        try {
            Page<Blob> page = storage.list(
                    bucket,
                    Storage.BlobListOption.prefix(prefix + keyPrefix),
                    Storage.BlobListOption.fields(Storage.BlobField.NAME),
                    Storage.BlobListOption.pageSize(1000));
            for (Blob b : page.iterateAll()) {
                keys.add(b.getName().substring(prefix.length()));
            }
            return keys;
        } catch (BaseServiceException e) {
            throw translate(e, keyPrefix);
        }
    }

    @Override
    public ObjectInfo stat(String key) throws IOException {
        try {
            Blob b = storage.get(
                    BlobId.of(bucket, prefix + key),
                    Storage.BlobGetOption.fields(
                            Storage.BlobField.SIZE, Storage.BlobField.ETAG, Storage.BlobField.GENERATION));
            return b == null
                    ? null
                    : new ObjectInfo(
                            key,
                            b.getSize(),
                            etag(b.getEtag()),
                            b.getGeneration() == null ? null : String.valueOf(b.getGeneration()));
        } catch (BaseServiceException e) {
            throw translate(e, key);
        }
    }

    @Override
    public List<ObjectInfo> listInfo(String keyPrefix) throws IOException {
        List<ObjectInfo> out = new ArrayList<>();
        try {
            Page<Blob> page = storage.list(
                    bucket,
                    Storage.BlobListOption.prefix(prefix + keyPrefix),
                    Storage.BlobListOption.fields(
                            Storage.BlobField.NAME, Storage.BlobField.SIZE, Storage.BlobField.ETAG),
                    Storage.BlobListOption.pageSize(1000));
            for (Blob b : page.iterateAll()) {
                out.add(new ObjectInfo(b.getName().substring(prefix.length()), b.getSize(), etag(b.getEtag())));
            }
            return out;
        } catch (BaseServiceException e) {
            throw translate(e, keyPrefix);
        }
    }

    /** dvc records a GCS etag as the hex of its base64 bytes ({@code Meta.from_info}). */
    static String etag(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(Base64.getDecoder().decode(raw));
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    @Override
    public void upload(Path file, String key, LongConsumer sent) throws IOException {
        BlobInfo info = BlobInfo.newBuilder(BlobId.of(bucket, prefix + key)).build();
        try {
            if (Files.size(file) <= SINGLE_REQUEST_LIMIT) {
                storage.create(info, Files.readAllBytes(file));
            } else {
                storage.createFrom(info, file, 16 << 20);
            }
            sent.accept(Files.size(file));
        } catch (BaseServiceException e) {
            throw translate(e, key);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            ReadChannel channel = storage.reader(BlobId.of(bucket, prefix + key));
            channel.setChunkSize(8 << 20);
            return new FilterInputStream(Channels.newInputStream(channel)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return super.read(b, off, len);
                    } catch (IOException e) {
                        throw fromReadFailure(e, key);
                    }
                }
            };
        } catch (BaseServiceException e) {
            throw translate(e, key);
        }
    }

    /** The reader fails lazily, wrapping the service error; a 404 there means the object is absent. */
    private IOException fromReadFailure(IOException e, String key) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BaseServiceException s) {
                return translate(s, key);
            }
        }
        return new IOException("remote '" + name + "' (" + url + "): " + Remotes.redact(e.getMessage()), e);
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            storage.delete(BlobId.of(bucket, prefix + key));
        } catch (BaseServiceException e) {
            throw translate(e, key);
        }
    }

    private IOException translate(BaseServiceException e, String key) {
        String where = "remote '" + name + "' (" + url + ")";
        int code = e.getCode();
        if (code == 404) {
            return e instanceof StorageException
                            && String.valueOf(e.getMessage()).contains("bucket")
                    ? new RemoteAuthException(where + ": bucket '" + bucket + "' does not exist")
                    : new RemoteObjectMissingException(key);
        }
        if (code == 401 || code == 403) {
            return new RemoteAuthException(
                    where + " refused the credentials (HTTP " + code + "): check credentialpath,"
                            + " GOOGLE_APPLICATION_CREDENTIALS or `gcloud auth application-default login`, and the bucket's IAM");
        }
        return new IOException(where + ": HTTP " + code + " on " + key + ": " + Remotes.redact(e.getMessage()));
    }

    @Override
    public void close() {
        try {
            storage.close();
        } catch (Exception e) {
            // nothing to release that matters
        }
    }
}
