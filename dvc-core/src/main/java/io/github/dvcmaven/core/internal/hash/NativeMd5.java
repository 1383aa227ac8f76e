package io.github.dvcmaven.core.internal.hash;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.github.dvcmaven.core.internal.fs.Jna;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/**
 * MD5 of big files through the system's OpenSSL libcrypto, when there is one: its assembly MD5 runs at
 * md5sum's speed, about 1.5 times the JDK 17 intrinsic on the development VM. Absent, refused (FIPS
 * mode has no MD5) or failing its self-test, callers fall back to {@link MessageDigest};
 * {@code -Ddvcmaven.nativeMd5=false} turns it off.
 */
final class NativeMd5 {
    private static final int BUFFER = 256 * 1024;
    private static final int PAGE = 4096;
    /*
     * Page-aligned: the kernel copies the page cache into this buffer, and on the development VM's AMD
     * EPYC a destination 16 bytes off a cache line (where malloc puts a big direct buffer) made that
     * copy twice as slow, the whole hash 1.3 times md5sum's time; aligned it matches md5sum.
     */
    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(
            () -> ByteBuffer.allocateDirect(BUFFER + PAGE).alignedSlice(PAGE));

    private interface Crypto extends Library {
        Pointer EVP_MD_CTX_new();

        void EVP_MD_CTX_free(Pointer ctx);

        Pointer EVP_md5();

        int EVP_DigestInit_ex(Pointer ctx, Pointer type, Pointer engine);

        int EVP_DigestUpdate(Pointer ctx, Pointer data, long length);

        int EVP_DigestFinal_ex(Pointer ctx, byte[] digest, Pointer length);
    }

    private static final Crypto CRYPTO = load();

    private NativeMd5() {}

    static boolean available() {
        return CRYPTO != null;
    }

    private static Crypto load() {
        if ("false".equals(System.getProperty("dvcmaven.nativeMd5"))) {
            return null;
        }
        for (String name : new String[] {"libcrypto.so.3", "libcrypto.so.1.1", "crypto"}) {
            try {
                Crypto c = Jna.load(name, Crypto.class);
                if ("900150983cd24fb0d6963f7d28e17f72".equals(digest(c, "abc".getBytes(StandardCharsets.US_ASCII)))) {
                    return c;
                }
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                // try the next name; none means the JDK's MD5
            }
        }
        return null;
    }

    private static String digest(Crypto c, byte[] bytes) {
        ByteBuffer buf = ByteBuffer.allocateDirect(Math.max(1, bytes.length));
        buf.put(bytes).flip();
        Pointer ctx = begin(c);
        try {
            update(c, ctx, buf);
            return end(c, ctx);
        } finally {
            c.EVP_MD_CTX_free(ctx);
        }
    }

    /** The md5 in hex of what {@code in} holds from its position on. */
    static String hash(FileChannel in, LongConsumer progress) throws IOException {
        Crypto c = CRYPTO;
        ByteBuffer buf = buffer();
        Pointer ctx = begin(c);
        try {
            while (in.read(buf) >= 0) {
                buf.flip();
                int n = buf.remaining();
                update(c, ctx, buf);
                buf.clear();
                progress.accept(n);
            }
            return end(c, ctx);
        } finally {
            c.EVP_MD_CTX_free(ctx);
        }
    }

    /** This thread's read buffer, cleared. */
    static ByteBuffer buffer() {
        return BUFFERS.get().clear();
    }

    private static Pointer begin(Crypto c) {
        Pointer ctx = c.EVP_MD_CTX_new();
        if (ctx == null) {
            throw new IllegalStateException("libcrypto: EVP_MD_CTX_new failed");
        }
        if (c.EVP_DigestInit_ex(ctx, c.EVP_md5(), null) != 1) {
            c.EVP_MD_CTX_free(ctx);
            throw new IllegalStateException("libcrypto refuses MD5");
        }
        return ctx;
    }

    private static void update(Crypto c, Pointer ctx, ByteBuffer buf) {
        if (buf.remaining() > 0 && c.EVP_DigestUpdate(ctx, Native.getDirectBufferPointer(buf), buf.remaining()) != 1) {
            throw new IllegalStateException("libcrypto: EVP_DigestUpdate failed");
        }
    }

    private static String end(Crypto c, Pointer ctx) {
        byte[] out = new byte[16];
        if (c.EVP_DigestFinal_ex(ctx, out, null) != 1) {
            throw new IllegalStateException("libcrypto: EVP_DigestFinal_ex failed");
        }
        return HexFormat.of().formatHex(out);
    }
}
