package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.remote.Remotes;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP proxy the front end chose for a URL scheme (Maven's settings.xml {@code <proxy>}, or the
 * JVM's proxy system properties), applied to every cloud remote's client explicitly rather than through
 * global JVM state. {@code nonProxyHosts} are Java's patterns ({@code *.internal}, {@code localhost}).
 */
public record HttpProxy(String host, int port, String username, String password, List<String> nonProxyHosts) {
    public HttpProxy {
        nonProxyHosts = List.copyOf(nonProxyHosts);
        Remotes.registerSecret(password);
    }

    /** The proxy for an endpoint's scheme ("http" or "https") from a map keyed by scheme, or null. */
    public static HttpProxy forScheme(Map<String, HttpProxy> proxies, String scheme) {
        return proxies.get(scheme.toLowerCase(Locale.ROOT));
    }

    /** True when {@code targetHost} matches one of the non-proxy patterns. */
    public boolean bypasses(String targetHost) {
        String h = targetHost.toLowerCase(Locale.ROOT);
        for (String pattern : nonProxyHosts) {
            String p = pattern.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            if (p.equals(h)
                    || (p.startsWith("*") && h.endsWith(p.substring(1)))
                    || (p.endsWith("*") && h.startsWith(p.substring(0, p.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The proxy's address, unresolved (the client resolves it). */
    public InetSocketAddress address() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    @Override
    public String toString() {
        return host + ":" + port + (username == null ? "" : " (as " + username + ")");
    }
}
