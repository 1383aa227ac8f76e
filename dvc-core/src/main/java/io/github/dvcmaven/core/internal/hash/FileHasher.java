package io.github.dvcmaven.core.internal.hash;

import io.github.dvcmaven.core.api.HashInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/**
 * File digests as dvc computes them: plain md5 of the raw bytes, or for legacy entries
 * {@code md5-dos2unix}, where each 1 MiB chunk whose first 512 bytes look like text has its CRLFs
 * turned into LFs before hashing.
 */
public final class FileHasher {
    private static final int LEGACY_CHUNK = 1 << 20;
    private static final int TEXT_PROBE = 512;
    private static final int BUFFER = 256 * 1024;
    /** Below this a file hashes faster in the JVM than through a native call setup. */
    private static final long NATIVE_FROM = 1 << 20;

    private FileHasher() {}

    public static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the Java platform", e);
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String md5Hex(byte[] bytes) {
        return HexFormat.of().formatHex(DIGESTS.get().digest(bytes));
    }

    /** One per thread, reset by each digest: an add of 100,000 small files looked the provider up for each. */
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(FileHasher::newMd5);

    /** Hashes a file with the named algorithm ({@link HashInfo#MD5} or {@link HashInfo#MD5_DOS2UNIX}). */
    public static String hash(Path file, String algorithm) throws IOException {
        return hash(file, algorithm, FileHasher::noProgress);
    }

    /** The same, telling {@code progress} how many bytes each read added. */
    public static String hash(Path file, String algorithm, LongConsumer progress) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            // the size check first: small files never load libcrypto
            if (HashInfo.MD5.equals(algorithm) && in.size() >= NATIVE_FROM && NativeMd5.available()) {
                try {
                    return NativeMd5.hash(in, progress);
                } catch (IllegalStateException e) {
                    // libcrypto misbehaved: the JDK's MD5 below gives the same answer
                    progress.accept(-in.position());
                    in.position(0);
                }
            }
            return hash(Channels.newInputStream(in), algorithm, progress);
        }
    }

    public static String hash(InputStream in, String algorithm) throws IOException {
        return hash(in, algorithm, FileHasher::noProgress);
    }

    private static String hash(InputStream in, String algorithm, LongConsumer progress) throws IOException {
        if (HashInfo.MD5_DOS2UNIX.equals(algorithm)) {
            return dos2unixMd5(in, progress);
        }
        if (!HashInfo.MD5.equals(algorithm)) {
            throw new IllegalArgumentException("unsupported hash algorithm '" + algorithm + "'");
        }
        MessageDigest md = newMd5();
        byte[] buf = new byte[BUFFER];
        int n;
        while ((n = in.read(buf)) >= 0) {
            md.update(buf, 0, n);
            progress.accept(n);
        }
        return hex(md);
    }

    private static String dos2unixMd5(InputStream in, LongConsumer progress) throws IOException {
        MessageDigest md = newMd5();
        byte[] chunk = new byte[LEGACY_CHUNK];
        while (true) {
            int len = in.readNBytes(chunk, 0, LEGACY_CHUNK);
            if (len <= 0) {
                break;
            }
            if (isTextBlock(chunk, Math.min(len, TEXT_PROBE))) {
                updateDos2Unix(md, chunk, len);
            } else {
                md.update(chunk, 0, len);
            }
            progress.accept(len);
            if (len < LEGACY_CHUNK) {
                break;
            }
        }
        return hex(md);
    }

    private static void updateDos2Unix(MessageDigest md, byte[] chunk, int len) {
        int start = 0;
        for (int i = 0; i < len - 1; i++) {
            if (chunk[i] == '\r' && chunk[i + 1] == '\n') {
                md.update(chunk, start, i - start);
                start = i + 1;
                i++;
            }
        }
        md.update(chunk, start, len - start);
    }

    /** dvc's {@code istextblock}: no NUL, and at most 30% of bytes outside printable ASCII and \n\r\t\f\b. */
    static boolean isTextBlock(byte[] block, int len) {
        if (len == 0) {
            return true;
        }
        int nonText = 0;
        for (int i = 0; i < len; i++) {
            int b = block[i] & 0xff;
            if (b == 0) {
                return false;
            }
            boolean text = (b >= 32 && b < 127) || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == '\b';
            if (!text) {
                nonText++;
            }
        }
        return (double) nonText / len <= 0.30;
    }

    private static void noProgress(long bytes) {}
}
