package io.github.dvcmaven.core.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A content hash as dvc names it: algorithm {@code md5} (dvc 3) or {@code md5-dos2unix} (dvc 2.x
 * entries without a {@code hash:} field), and the lower-case hex value, with {@code .dir} for trees.
 */
public record HashInfo(String name, String value) {
    /** dvc's hash name for files hashed as they are (dvc 3). */
    public static final String MD5 = "md5";
    /** dvc 2's hash name: text files hashed with CRLF turned into LF. */
    public static final String MD5_DOS2UNIX = "md5-dos2unix";
    /** The suffix of a directory manifest's hash. */
    public static final String DIR_SUFFIX = ".dir";

    public HashInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        value = value.toLowerCase(Locale.ROOT);
    }

    /** An {@code md5} hash. */
    public static HashInfo md5(String value) {
        return new HashInfo(MD5, value);
    }

    /** True for a directory manifest's hash. */
    public boolean isDir() {
        return value.endsWith(DIR_SUFFIX);
    }

    /** A dvc 2.x hash, stored in the legacy cache layout and computed with CRLF normalisation. */
    public boolean isLegacy() {
        return MD5_DOS2UNIX.equals(name);
    }

    /** The digest the object's bytes must hash to: the value without {@code .dir}. */
    public String bytesDigest() {
        return isDir() ? value.substring(0, value.length() - DIR_SUFFIX.length()) : value;
    }

    /** The algorithm that hashes the object's bytes: a {@code .dir} manifest is plain md5 even in a legacy entry. */
    public String bytesAlgorithm() {
        return isDir() ? MD5 : name;
    }

    /** Whether the value looks like an md5 hex digest, optionally with {@code .dir}. */
    public boolean isWellFormed() {
        String hex = bytesDigest();
        if (hex.length() != 32) {
            return false;
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name + ":" + value;
    }
}
