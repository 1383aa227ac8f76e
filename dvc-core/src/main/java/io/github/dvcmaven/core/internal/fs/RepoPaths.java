package io.github.dvcmaven.core.internal.fs;

import java.util.ArrayDeque;
import java.util.Deque;

/** Posix path arithmetic relative to the repo root, as stored in dvc files. */
public final class RepoPaths {
    private RepoPaths() {}

    /** Joins and normalises posix paths ("a/./b/../c" → "a/c"); null if it climbs above the root. */
    public static String join(String base, String path) {
        String combined = base == null || base.isEmpty() || path.startsWith("/") ? path : base + "/" + path;
        Deque<String> parts = new ArrayDeque<>();
        for (String p : combined.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }

    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    public static String name(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** {@code path} relative to directory {@code from} (both posix, repo-relative), with ".." as needed. */
    public static String relativize(String from, String path) {
        String[] a = from.isEmpty() ? new String[0] : from.split("/");
        String[] b = path.isEmpty() ? new String[0] : path.split("/");
        int common = 0;
        while (common < a.length && common < b.length && a[common].equals(b[common])) {
            common++;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = common; i < a.length; i++) {
            sb.append(sb.length() == 0 ? "" : "/").append("..");
        }
        for (int i = common; i < b.length; i++) {
            sb.append(sb.length() == 0 ? "" : "/").append(b[i]);
        }
        return sb.length() == 0 ? "." : sb.toString();
    }

    /** Whether {@code inner} equals {@code outer} or lies beneath it. */
    public static boolean isWithin(String inner, String outer) {
        return outer.isEmpty() || inner.equals(outer) || inner.startsWith(outer + "/");
    }
}
