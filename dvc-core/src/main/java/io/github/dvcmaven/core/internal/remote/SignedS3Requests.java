package io.github.dvcmaven.core.internal.remote;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The five object requests a transfer makes (HEAD, GET, PUT, DELETE, list) signed with the SDK's
 * SigV4 signer and sent through the SDK's HTTP client, without the S3 client's per-request pipeline
 * (endpoint rules, interceptors, marshallers): for thousands of small objects in a short-lived Maven
 * JVM that pipeline costs more CPU, mostly JIT compilation, than the requests themselves. Requests are
 * what botocore sends: the payload's SHA-256 signed over http, {@code UNSIGNED-PAYLOAD} over https.
 */
final class SignedS3Requests {
    /** A failed request: its HTTP status and S3 error code (from the body, or the status for a HEAD). */
    static final class Failure extends IOException {
        final int status;
        final String code;

        Failure(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    /** One page of a listing: keys (without the bucket), and the token of the next page or null. */
    record Page(List<ObjectInfo> objects, String next) {}

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final String region;
    private final URI root;
    private final String bucketPath;
    private final boolean signPayload;
    private final Map<String, String> objectReadHeaders;
    private final boolean listV1;
    /** The server's clock minus ours, learnt from a RequestTimeTooSkewed answer (as the SDK corrects it). */
    private volatile Duration clockSkew = Duration.ZERO;

    /**
     * @param bucketUrl the bucket's URL as the S3 client addresses it ({@code http://host:port/bucket}
     *     path-style, {@code https://bucket.s3.region.amazonaws.com} virtual-hosted)
     * @param objectReadHeaders headers every request on an object's bytes carries (SSE-C's key)
     * @param listV1 list with ListObjects (v1), for servers without v2 (dvc's {@code listobjects})
     */
    SignedS3Requests(
            SdkHttpClient http,
            AwsCredentialsProvider credentials,
            String region,
            URI bucketUrl,
            Map<String, String> objectReadHeaders,
            boolean listV1) {
        this.objectReadHeaders = objectReadHeaders;
        this.listV1 = listV1;
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.root = URI.create(bucketUrl.getScheme() + "://" + bucketUrl.getRawAuthority());
        String path = bucketUrl.getRawPath() == null ? "" : bucketUrl.getRawPath();
        this.bucketPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.signPayload = "http".equalsIgnoreCase(bucketUrl.getScheme());
    }

    /** Where an object key is appended: scheme, authority and the bucket's path (empty when virtual-hosted). */
    String base() {
        return root + bucketPath;
    }

    /** The object's size, or empty when there is no such object. */
    Optional<Long> head(String key) throws IOException {
        return stat(key).map(ObjectInfo::size);
    }

    /** The object's size and ETag (quotes stripped), or empty when there is no such object. */
    Optional<ObjectInfo> stat(String key) throws IOException {
        SdkHttpFullRequest.Builder b = request(SdkHttpMethod.HEAD, key);
        objectReadHeaders.forEach(b::putHeader);
        HttpExecuteResponse r = send(b, null);
        if (r.httpResponse().statusCode() == 404) {
            close(r);
            return Optional.empty();
        }
        check(r, key);
        close(r);
        long size = r.httpResponse()
                .firstMatchingHeader("Content-Length")
                .map(Long::parseLong)
                .orElse(-1L);
        String etag = r.httpResponse().firstMatchingHeader("ETag").orElse(null);
        String version =
                r.httpResponse().firstMatchingHeader("x-amz-version-id").orElse(null);
        return Optional.of(new ObjectInfo(key, size, unquote(etag), version));
    }

    /** The object's bytes; the caller closes the stream, which frees the connection. */
    InputStream get(String key) throws IOException {
        SdkHttpFullRequest.Builder b = request(SdkHttpMethod.GET, key);
        objectReadHeaders.forEach(b::putHeader);
        HttpExecuteResponse r = send(b, null);
        check(r, key);
        return r.responseBody().map(InputStream.class::cast).orElseGet(InputStream::nullInputStream);
    }

    void put(String key, ContentStreamProvider body, long length, Map<String, String> headers) throws IOException {
        SdkHttpFullRequest.Builder b =
                request(SdkHttpMethod.PUT, key).putHeader("Content-Length", Long.toString(length));
        headers.forEach(b::putHeader);
        HttpExecuteResponse r = send(b, body);
        check(r, key);
        close(r);
    }

    void delete(String key) throws IOException {
        HttpExecuteResponse r = send(request(SdkHttpMethod.DELETE, key), null);
        if (r.httpResponse().statusCode() != 404) {
            check(r, key);
        }
        close(r);
    }

    /**
     * One page of ListObjectsV2 (or ListObjects v1, its {@code marker} the last key of the page before)
     * under {@code prefix}, keys URL-encoded on the wire and decoded here.
     */
    Page list(String prefix, String continuation) throws IOException {
        SdkHttpFullRequest.Builder b = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(root)
                .encodedPath(bucketPath.isEmpty() ? "/" : bucketPath + "/")
                .putRawQueryParameter("encoding-type", "url")
                .putRawQueryParameter("prefix", prefix);
        if (!listV1) {
            b.putRawQueryParameter("list-type", "2");
        }
        if (continuation != null) {
            b.putRawQueryParameter(listV1 ? "marker" : "continuation-token", continuation);
        }
        HttpExecuteResponse r = send(b, null);
        check(r, prefix);
        try (InputStream in = r.responseBody().orElseThrow(() -> new IOException("empty listing response"))) {
            return parseListing(in, listV1);
        }
    }

    private SdkHttpFullRequest.Builder request(SdkHttpMethod method, String key) {
        return SdkHttpFullRequest.builder()
                .method(method)
                .uri(root)
                .encodedPath(bucketPath + "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key));
    }

    /** Signs as if our clock were off by this much: how a test stands in for a machine with a wrong clock. */
    void assumeClockSkew(Duration skew) {
        clockSkew = skew;
    }

    private HttpExecuteResponse send(SdkHttpFullRequest.Builder request, ContentStreamProvider body)
            throws IOException {
        return send(request, body, true);
    }

    private HttpExecuteResponse send(
            SdkHttpFullRequest.Builder request, ContentStreamProvider body, boolean mayCorrectClock)
            throws IOException {
        SdkHttpFullRequest unsigned = request.build();
        Clock clock = Clock.offset(Clock.systemUTC(), clockSkew);
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(unsigned)
                .payload(body)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, signPayload));
        HttpExecuteRequest.Builder execute = HttpExecuteRequest.builder().request(signed.request());
        signed.payload().ifPresent(execute::contentStreamProvider);
        HttpExecuteResponse response = http.prepareRequest(execute.build()).call();
        if (response.httpResponse().statusCode() != 403 || !mayCorrectClock) {
            return response;
        }
        // a 403 may say our clock is off: learn the server's time from its Date header and sign again,
        // once (the SDK corrects skew the same way); the error document is kept for check() otherwise
        byte[] error = new byte[0];
        if (response.responseBody().isPresent()) {
            try (InputStream in = response.responseBody().get()) {
                error = in.readNBytes(64 * 1024);
            }
        }
        Duration skew = skewFrom(response, error);
        if (skew != null) {
            clockSkew = skew;
            return send(request, body, false);
        }
        return HttpExecuteResponse.builder()
                .response(response.httpResponse())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(error)))
                .build();
    }

    /** The server's clock minus ours, when a RequestTimeTooSkewed answer dates itself; else null. */
    private static Duration skewFrom(HttpExecuteResponse r, byte[] error) {
        try {
            if (!"RequestTimeTooSkewed".equals(parseError(error).get("Code"))) {
                return null;
            }
            Optional<String> date = r.httpResponse().firstMatchingHeader("Date");
            if (date.isEmpty()) {
                return null;
            }
            Instant server = ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return Duration.between(Instant.now(), server);
        } catch (XMLStreamException | DateTimeParseException e) {
            return null;
        }
    }

    /** Throws the S3 error a non-2xx response carries, reading its code from the XML body. */
    private static void check(HttpExecuteResponse r, String key) throws IOException {
        int status = r.httpResponse().statusCode();
        if (status / 100 == 2) {
            return;
        }
        String code = defaultCode(status);
        String message = "";
        Optional<AbortableInputStream> body = r.responseBody();
        if (body.isPresent()) {
            try (InputStream in = body.get()) {
                Map<String, String> fields = parseError(in.readNBytes(64 * 1024));
                code = fields.getOrDefault("Code", code);
                message = fields.getOrDefault("Message", "");
            } catch (IOException | XMLStreamException e) {
                // no readable error document: the status says enough
            }
        }
        throw new Failure(
                status,
                code,
                code + (message.isEmpty() ? "" : ": " + message) + " on " + key + " (HTTP " + status + ")");
    }

    private static String defaultCode(int status) {
        return switch (status) {
            case 301 -> "PermanentRedirect";
            case 400 -> "BadRequest";
            case 403 -> "AccessDenied";
            case 404 -> "NoSuchKey";
            default -> String.valueOf(status);
        };
    }

    private static void close(HttpExecuteResponse r) throws IOException {
        if (r.responseBody().isPresent()) {
            r.responseBody().get().close();
        }
    }

    private static Map<String, String> parseError(byte[] xml) throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        XMLStreamReader x = xmlFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
        int depth = 0;
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT && ++depth == 2) {
                String name = x.getLocalName();
                fields.put(name, x.getElementText());
                depth--;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return fields;
    }

    /** A v2 page continues at its NextContinuationToken, a v1 page at its NextMarker or else its last key. */
    static Page parseListing(InputStream in, boolean v1) throws IOException {
        List<ObjectInfo> keys = new ArrayList<>();
        String key = null;
        String etag = null;
        long size = -1;
        String next = null;
        boolean truncated = false;
        try {
            XMLStreamReader x = xmlFactory().createXMLStreamReader(in);
            boolean inContents = false;
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "Contents" -> {
                            inContents = true;
                            key = null;
                            etag = null;
                            size = -1;
                        }
                        case "Key" -> {
                            if (inContents) {
                                key = SdkHttpUtils.urlDecode(x.getElementText());
                            }
                        }
                        case "ETag" -> {
                            if (inContents) {
                                etag = unquote(x.getElementText());
                            }
                        }
                        case "Size" -> {
                            if (inContents) {
                                size = Long.parseLong(x.getElementText().trim());
                            }
                        }
                        case "IsTruncated" ->
                            truncated = Boolean.parseBoolean(x.getElementText().trim());
                        case "NextContinuationToken" -> next = v1 ? next : x.getElementText();
                        case "NextMarker" -> next = v1 ? SdkHttpUtils.urlDecode(x.getElementText()) : next;
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && x.getLocalName().equals("Contents")) {
                    inContents = false;
                    if (key != null) {
                        keys.add(new ObjectInfo(key, size, etag));
                    }
                }
            }
        } catch (XMLStreamException | NumberFormatException e) {
            throw new IOException("unreadable listing from the server: " + e.getMessage(), e);
        }
        if (v1 && truncated && (next == null || next.isEmpty()) && !keys.isEmpty()) {
            next = keys.get(keys.size() - 1).key();
        }
        if (truncated && (next == null || next.isEmpty())) {
            throw new IOException("the server said the listing continues but gave no continuation token");
        }
        return new Page(keys, truncated ? next : null);
    }

    /** An ETag as dvc records it: without the quotes HTTP puts around it. */
    static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        String e = etag.trim();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    /**
     * A factory per document: StAX factories are not promised to be thread-safe, and listings run side
     * by side. The JDK's own parser: no lookup of (and class loading from) whichever StAX jar the plugin
     * carries, no DTDs or external entities.
     */
    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }
}
