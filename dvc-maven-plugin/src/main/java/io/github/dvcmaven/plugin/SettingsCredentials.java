package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.DvcException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Remote credentials from Maven {@code settings.xml}: a {@code <server>} whose id is a dvc remote's name
 * (decrypted with Maven's password encryption) becomes that remote's options. What username, password
 * and privateKey mean depends on the remote's kind; {@code <configuration>} children are taken as dvc
 * remote options verbatim (e.g. {@code <session_token>}).
 */
final class SettingsCredentials {
    private SettingsCredentials() {}

    static Map<String, Map<String, Object>> fromSettings(
            Settings settings, SettingsDecrypter decrypter, Map<String, String> remoteUrls) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (settings == null || settings.getServers().isEmpty()) {
            return out;
        }
        for (Server server : settings.getServers()) {
            String name = server.getId() == null ? "" : server.getId().toLowerCase(Locale.ROOT);
            if (!remoteUrls.containsKey(name)) {
                continue;
            }
            Server s = decrypter == null ? server : decrypt(server, decrypter);
            String url = remoteUrls.get(name);
            out.put(name, options(url, s));
        }
        return out;
    }

    private static Server decrypt(Server server, SettingsDecrypter decrypter) {
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (!result.getProblems().isEmpty()) {
            throw new DvcException(
                    "cannot decrypt the password of server '" + server.getId() + "' in settings.xml: "
                            + result.getProblems().get(0).getMessage(),
                    "check ~/.m2/settings-security.xml (mvn --encrypt-master-password)");
        }
        List<Server> servers = result.getServers();
        return servers.isEmpty() ? server : servers.get(0);
    }

    static Map<String, Object> options(String url, Server server) {
        Map<String, Object> o = new LinkedHashMap<>();
        String scheme =
                url.contains("://") ? url.substring(0, url.indexOf("://")).toLowerCase(Locale.ROOT) : "local";
        String user = server.getUsername();
        String password = server.getPassword();
        switch (scheme) {
            case "s3" -> {
                put(o, "access_key_id", user);
                put(o, "secret_access_key", password);
            }
            case "azure", "az" -> {
                if (password != null
                        && (password.contains("AccountKey=") || password.contains("SharedAccessSignature="))) {
                    put(o, "connection_string", password);
                } else {
                    put(o, "account_name", user);
                    put(o, "account_key", password);
                }
            }
            case "gs", "gcs" -> put(o, "credentialpath", server.getPrivateKey());
            default -> {
                put(o, "user", user);
                put(o, "password", password);
            }
        }
        if (server.getConfiguration() instanceof Xpp3Dom dom) {
            for (Xpp3Dom child : dom.getChildren()) {
                put(o, child.getName(), child.getValue());
            }
        }
        return o;
    }

    private static void put(Map<String, Object> o, String key, String value) {
        if (value != null && !value.isBlank()) {
            o.put(key, value);
        }
    }
}
