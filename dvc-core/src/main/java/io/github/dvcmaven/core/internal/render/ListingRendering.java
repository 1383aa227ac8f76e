package io.github.dvcmaven.core.internal.render;

import io.github.dvcmaven.core.api.RepoListing;
import io.github.dvcmaven.core.api.TrackedFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code dvc ls}: one path per line, or with size and hash columns; its JSON entries. */
final class ListingRendering {
    private static final String[] UNITS = {"", "k", "M", "G", "T", "P", "E", "Z"};

    private ListingRendering() {}

    static List<String> lines(RepoListing listing) {
        boolean size = listing.columns().contains(RepoListing.Column.SIZE);
        boolean hash = listing.columns().contains(RepoListing.Column.HASH);
        List<String[]> rows = new ArrayList<>();
        for (TrackedFile f : listing.entries()) {
            rows.add(new String[] {
                size ? (f.size() == null ? "" : naturalSize(f.size())) : null,
                hash ? (f.hash() == null ? "-" : f.hash().value()) : null,
                f.path()
            });
        }
        int sizeWidth = rows.stream()
                .mapToInt(r -> r[0] == null ? 0 : r[0].length())
                .max()
                .orElse(0);
        int hashWidth = rows.stream()
                .mapToInt(r -> r[1] == null ? 0 : r[1].length())
                .max()
                .orElse(0);
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            if (size) {
                sb.append(" ".repeat(sizeWidth - r[0].length())).append(r[0]).append("  ");
            }
            if (hash) {
                sb.append(r[1]).append(" ".repeat(hashWidth - r[1].length())).append("  ");
            }
            out.add(sb.append(r[2]).toString());
        }
        return out;
    }

    static List<Map<String, Object>> json(RepoListing listing) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TrackedFile f : listing.entries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("isout", f.isOut());
            m.put("isdir", f.isDir());
            m.put("isexec", f.isExec());
            m.put("size", f.size());
            m.put("md5", f.hash() == null ? null : f.hash().value());
            m.put("path", f.path());
            out.add(m);
        }
        return out;
    }

    /** dvc's {@code naturalsize}: bytes below 1024 as they are, else tqdm's three significant digits. */
    static String naturalSize(long bytes) {
        if (bytes < 1024) {
            return Long.toString(bytes);
        }
        double num = bytes;
        for (String unit : UNITS) {
            if (Math.abs(num) < 999.5) {
                if (Math.abs(num) < 99.95) {
                    if (Math.abs(num) < 9.995) {
                        return String.format(Locale.ROOT, "%1.2f", num) + unit;
                    }
                    return String.format(Locale.ROOT, "%2.1f", num) + unit;
                }
                return String.format(Locale.ROOT, "%3.0f", num) + unit;
            }
            num /= 1024;
        }
        return String.format(Locale.ROOT, "%3.1f", num) + "Y";
    }
}
