package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.internal.hash.FileHasher;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The bytes of an object as they stream past, hashed: reaching the end with bytes that do not hash to
 * the object's name fails the read, so a reader that consumes the stream never takes corrupt data for
 * good. (A reader that stops early has checked nothing, and was given nothing it finished.)
 */
public final class VerifiedStream extends FilterInputStream {
    private final MessageDigest md5 = FileHasher.newMd5();
    private final String expected;
    private final String what;
    private boolean checked;

    public VerifiedStream(InputStream in, String expectedMd5, String what) {
        super(in);
        this.expected = expectedMd5;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            verify();
        } else {
            md5.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) {
            verify();
        } else {
            md5.update(buf, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void verify() throws IOException {
        if (checked) {
            return;
        }
        checked = true;
        String actual = HexFormat.of().formatHex(md5.digest());
        if (!actual.equals(expected)) {
            throw new IOException(what + ": the bytes read hash to " + actual + ", not " + expected
                    + " (the object is corrupted where it is stored)");
        }
    }
}
