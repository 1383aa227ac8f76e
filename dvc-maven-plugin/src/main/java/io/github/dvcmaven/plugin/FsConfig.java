package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.DvcException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code -Ddvc.fsConfig=endpointurl=http://...,region=eu-west-1}: dvc's {@code --fs-config NAME=VALUE ...}. */
final class FsConfig {
    private FsConfig() {}

    static Map<String, String> parse(List<String> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        if (entries == null) {
            return out;
        }
        for (String e : entries) {
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new DvcException(
                        "-Ddvc.fsConfig entry '" + e + "' is not NAME=VALUE",
                        "e.g. -Ddvc.fsConfig=endpointurl=http://127.0.0.1:9000");
            }
            out.put(e.substring(0, eq).trim(), e.substring(eq + 1).trim());
        }
        return out;
    }
}
