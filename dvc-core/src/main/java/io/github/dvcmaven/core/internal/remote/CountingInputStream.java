package io.github.dvcmaven.core.internal.remote;

import io.github.dvcmaven.core.internal.event.ProgressTracker;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A download's bytes, reported to its task's progress as they arrive (none when there is no tracker). */
public final class CountingInputStream extends FilterInputStream {
    private final ProgressTracker progress;
    private long count;

    public CountingInputStream(InputStream in, ProgressTracker progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    private void add(long n) {
        count += n;
        if (progress != null) {
            progress.advanceBytes(n);
        }
    }

    /** Takes back what this stream reported, for a download that failed and is tried again. */
    void unreport() {
        if (progress != null) {
            progress.advanceBytes(-count);
        }
        count = 0;
    }
}
