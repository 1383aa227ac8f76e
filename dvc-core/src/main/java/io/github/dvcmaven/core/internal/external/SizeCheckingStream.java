package io.github.dvcmaven.core.internal.external;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A download whose length the listing announced: more or fewer bytes fail it before it enters the cache. */
final class SizeCheckingStream extends FilterInputStream {
    private final long expected;
    private final String what;
    private long seen;

    SizeCheckingStream(InputStream in, long expected, String what) {
        super(in);
        this.expected = expected;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        } else {
            checkComplete();
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            count(n);
        } else if (n < 0) {
            checkComplete();
        }
        return n;
    }

    private void count(int n) throws IOException {
        seen += n;
        if (expected >= 0 && seen > expected) {
            throw new IOException(what + ": received more than the " + expected + " bytes the listing gave");
        }
    }

    void checkComplete() throws IOException {
        if (expected >= 0 && seen != expected) {
            throw new IOException(what + ": received " + seen + " of " + expected + " bytes");
        }
    }
}
