package io.github.dvcmaven.core.internal.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class NativeFsTest {
    /** The nice value of the calling thread: field 19 of /proc/thread-self/stat (after the command name). */
    private static int niceOfThisThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    @Test
    void lowersOnlyTheCallingThreadsPriority() throws Exception {
        int mine = niceOfThisThread();
        AtomicIntegerArray seen = new AtomicIntegerArray(2);
        Thread t = new Thread(() -> {
            try {
                seen.set(0, niceOfThisThread());
                NativeFs.lowerCurrentThreadPriority();
                seen.set(1, niceOfThisThread());
            } catch (Exception e) {
                seen.set(1, Integer.MIN_VALUE);
            }
        });
        t.start();
        t.join();
        assertThat(seen.get(1)).isEqualTo(Math.min(19, seen.get(0) + 10));
        assertThat(niceOfThisThread())
                .as("the rest of the process is left alone")
                .isEqualTo(mine);
    }
}
