package io.github.dvcmaven.core.internal.remote;

import com.azure.core.credential.AzureSasCredential;
import com.azure.core.exception.AzureException;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.HttpClientOptions;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.common.StorageSharedKeyCredential;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HttpProxy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * An Azure Blob Storage remote configured from dvc's azure options: {@code connection_string},
 * {@code account_name} with {@code account_key}, {@code sas_token}, a service principal
 * ({@code tenant_id}, {@code client_id}, {@code client_secret}), {@code allow_anonymous_login}, the
 * {@code AZURE_STORAGE_*} variables dvc also reads; otherwise the default Azure credential chain.
 */
public final class AzureRemote implements Remote {
    private final String name;
    private final String url;
    private final String container;
    private final String prefix;
    private final BlobContainerClient client;

    private final Map<String, HttpProxy> proxies;

    AzureRemote(
            String name,
            String url,
            Map<String, Object> values,
            Map<String, String> env,
            Map<String, HttpProxy> proxies) {
        this.proxies = proxies;
        this.name = name;
        this.url = url;
        RemoteOptions options = new RemoteOptions(name, values, env);
        String[] bp = options.bucketAndPrefix(url, "azure", "azure://container/path");
        this.container = bp[0];
        this.prefix = bp[1];
        this.client = build(options).buildClient().getBlobContainerClient(container);
    }

    private BlobServiceClientBuilder build(RemoteOptions o) {
        BlobServiceClientBuilder b = new BlobServiceClientBuilder();
        // dvc's (adlfs's) names: connection_timeout to connect, read_timeout per read, timeout for an answer
        Duration connect = Duration.ofSeconds(o.seconds("connection_timeout", 30));
        Duration read = Duration.ofSeconds(o.seconds("read_timeout", 120));
        Duration answer = Duration.ofSeconds(o.seconds("timeout", o.seconds("read_timeout", 120)));
        HttpClientOptions http = new HttpClientOptions()
                .setConnectTimeout(connect)
                .setReadTimeout(read)
                .setResponseTimeout(answer);
        HttpProxy proxy = HttpProxy.forScheme(proxies, "https");
        if (proxy != null) {
            com.azure.core.http.ProxyOptions p = new com.azure.core.http.ProxyOptions(
                    com.azure.core.http.ProxyOptions.Type.HTTP, new InetSocketAddress(proxy.host(), proxy.port()));
            if (proxy.username() != null) {
                p.setCredentials(proxy.username(), proxy.password());
            }
            if (!proxy.nonProxyHosts().isEmpty()) {
                p.setNonProxyHosts(String.join("|", proxy.nonProxyHosts()));
            }
            http.setProxyOptions(p);
        }
        b.clientOptions(http);
        b.retryOptions(new RetryOptions(new ExponentialBackoffOptions()
                .setMaxRetries(4)
                .setBaseDelay(Duration.ofMillis(200))
                .setMaxDelay(Duration.ofSeconds(10))));
        String connection = o.getOrEnv("connection_string", "AZURE_STORAGE_CONNECTION_STRING");
        if (connection != null) {
            return b.connectionString(connection);
        }
        String account = o.getOrEnv("account_name", "AZURE_STORAGE_ACCOUNT");
        if (account == null) {
            throw new DvcException(
                    "remote '" + name + "': Azure needs account_name or connection_string",
                    "mvn dvc:remote -Ddvc.action=modify -Ddvc.name=" + name
                            + " -Ddvc.option=account_name -Ddvc.value=ACCOUNT");
        }
        b.endpoint("https://" + account + ".blob.core.windows.net");
        String key = o.getOrEnv("account_key", "AZURE_STORAGE_KEY");
        String sas = o.getOrEnv("sas_token", "AZURE_STORAGE_SAS_TOKEN");
        String tenant = o.get("tenant_id");
        String clientId = o.get("client_id");
        String clientSecret = o.get("client_secret");
        Remotes.registerSecret(key);
        Remotes.registerSecret(sas);
        if (key != null) {
            b.credential(new StorageSharedKeyCredential(account, key));
        } else if (sas != null) {
            b.credential(new AzureSasCredential(sas.startsWith("?") ? sas.substring(1) : sas));
        } else if (tenant != null && clientId != null && clientSecret != null) {
            b.credential(new ClientSecretCredentialBuilder()
                    .tenantId(tenant)
                    .clientId(clientId)
                    .clientSecret(clientSecret)
                    .build());
        } else if (!o.flag("allow_anonymous_login", false)) {
            b.credential(defaultChain(o));
        }
        return b;
    }

    /**
     * The default credential chain, or, when exclude_* options drop some of its sources, the same chain
     * in the same order without them (the Java SDK's builder has no switches for that).
     */
    private static com.azure.core.credential.TokenCredential defaultChain(RemoteOptions o) {
        boolean noEnv = o.flag("exclude_environment_credential", false);
        boolean noManaged = o.flag("exclude_managed_identity_credential", false);
        boolean noSharedCache = o.flag("exclude_shared_token_cache_credential", false);
        boolean noVsCode = o.flag("exclude_visual_studio_code_credential", false);
        if (!noEnv && !noManaged && !noSharedCache && !noVsCode) {
            return new DefaultAzureCredentialBuilder().build();
        }
        com.azure.identity.ChainedTokenCredentialBuilder chain = new com.azure.identity.ChainedTokenCredentialBuilder();
        if (!noEnv) {
            chain.addLast(new com.azure.identity.EnvironmentCredentialBuilder().build());
        }
        if (System.getenv("AZURE_FEDERATED_TOKEN_FILE") != null) {
            chain.addLast(new com.azure.identity.WorkloadIdentityCredentialBuilder().build());
        }
        if (!noManaged) {
            chain.addLast(new com.azure.identity.ManagedIdentityCredentialBuilder().build());
        }
        if (!noSharedCache) {
            chain.addLast(new com.azure.identity.SharedTokenCacheCredentialBuilder().build());
        }
        if (!noVsCode) {
            chain.addLast(new com.azure.identity.VisualStudioCodeCredentialBuilder().build());
        }
        chain.addLast(new com.azure.identity.AzureCliCredentialBuilder().build());
        chain.addLast(new com.azure.identity.AzurePowerShellCredentialBuilder().build());
        chain.addLast(new com.azure.identity.AzureDeveloperCliCredentialBuilder().build());
        return chain.build();
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
            return client.getBlobClient(prefix + key).exists();
        } catch (RuntimeException e) {
            throw translate(e, key);
        }
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
        try {
            var blob = client.getBlobClient(prefix + key);
            if (!blob.exists()) {
                return null;
            }
            var props = blob.getProperties();
            return new ObjectInfo(key, props.getBlobSize(), quoted(props.getETag()));
        } catch (RuntimeException e) {
            throw translate(e, key);
        }
    }

    @Override
    public List<ObjectInfo> listInfo(String keyPrefix) throws IOException {
        List<ObjectInfo> out = new ArrayList<>();
        try {
            for (BlobItem item : client.listBlobs(
                    new ListBlobsOptions().setPrefix(prefix + keyPrefix).setMaxResultsPerPage(5000), null)) {
                Long size = item.getProperties().getContentLength();
                out.add(new ObjectInfo(
                        item.getName().substring(prefix.length()),
                        size == null ? -1 : size,
                        quoted(item.getProperties().getETag())));
            }
            return out;
        } catch (RuntimeException e) {
            throw translate(e, keyPrefix);
        }
    }

    /** dvc records an Azure ETag with its quotes, adding them when the service left them off. */
    static String quoted(String etag) {
        return etag == null || etag.startsWith("\"") ? etag : "\"" + etag + "\"";
    }

    /** Blocks reported as the SDK sends them (its listener counts in total, this one in steps). */
    @Override
    public void upload(Path file, String key, LongConsumer sent) throws IOException {
        AtomicLong reported = new AtomicLong();
        com.azure.storage.blob.models.ParallelTransferOptions options =
                new com.azure.storage.blob.models.ParallelTransferOptions()
                        .setProgressListener(total -> sent.accept(total - reported.getAndSet(total)));
        try {
            // no request conditions: an existing object of this key (same content, by its name) is overwritten
            client.getBlobClient(prefix + key).uploadFromFile(file.toString(), options, null, null, null, null, null);
        } catch (RuntimeException e) {
            throw translate(e, key);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return client.getBlobClient(prefix + key).openInputStream();
        } catch (RuntimeException e) {
            throw translate(e, key);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.getBlobClient(prefix + key).deleteIfExists();
        } catch (RuntimeException e) {
            throw translate(e, key);
        }
    }

    private IOException translate(RuntimeException e, String key) {
        String where = "remote '" + name + "' (" + url + ")";
        if (e instanceof BlobStorageException s) {
            int code = s.getStatusCode();
            String error = s.getErrorCode() != null ? s.getErrorCode().toString() : String.valueOf(code);
            if (code == 404 && "ContainerNotFound".equals(error)) {
                return new RemoteAuthException(where + ": container '" + container + "' does not exist");
            }
            if (code == 404) {
                return new RemoteObjectMissingException(key);
            }
            if (code == 401 || code == 403) {
                return new RemoteAuthException(
                        where + " refused the credentials (" + error + "): check connection_string,"
                                + " account_key or sas_token in .dvc/config.local, AZURE_STORAGE_* variables or `az login`");
            }
            return new IOException(where + ": " + error + " on " + key + " (HTTP " + code + ")");
        }
        if (e instanceof UncheckedIOException u) {
            return new IOException(where + ": " + Remotes.redact(u.getCause().getMessage()), u.getCause());
        }
        if (e instanceof AzureException || e.getCause() != null) {
            return new IOException(where + ": " + Remotes.redact(String.valueOf(e.getMessage())));
        }
        throw e;
    }
}
