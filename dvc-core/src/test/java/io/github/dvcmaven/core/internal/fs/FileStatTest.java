package io.github.dvcmaven.core.internal.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStatTest {
    @Test
    void parsesTheJdkFileKeyIntoTheSameDeviceAndInodeAsUnixAttributes(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("a"), "x");
        Object key = Files.readAttributes(f, BasicFileAttributes.class).fileKey();
        assertThat(FileStat.parseKey(key))
                .containsExactly((Long) Files.getAttribute(f, "unix:dev"), (Long) Files.getAttribute(f, "unix:ino"));
    }

    @Test
    void parsesExtremeValuesAndRefusesWhatIsNotAFileKey() {
        assertThat(FileStat.parseKey("(dev=ffffffffffffffff,ino=9223372036854775807)"))
                .containsExactly(-1L, Long.MAX_VALUE);
        assertThat(FileStat.parseKey("(dev=803,ino=-2)")).containsExactly(0x803L, -2L);
        assertThat(FileStat.parseKey("(dev=0,ino=0)")).containsExactly(0L, 0L);
        assertThat(FileStat.parseKey(null)).isNull();
        assertThat(FileStat.parseKey("(dev=xyz,ino=1)")).isNull();
        assertThat(FileStat.parseKey("(dev=1,ino=1x)")).isNull();
        assertThat(FileStat.parseKey("(dev=1,ino=)")).isNull();
        assertThat(FileStat.parseKey("(dev=10000000000000000,ino=1)")).isNull();
        assertThat(FileStat.parseKey("dev=1,ino=1")).isNull();
        assertThat(FileStat.parseKey("(ino=1,dev=1)")).isNull();
    }

    @Test
    void contentStatFollowsSymlinksAndSeesWhatTheFullStatSees(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("target"), "hello");
        Path link = Files.createSymbolicLink(dir.resolve("link"), f);
        FileStat full = FileStat.of(link);
        FileStat content = FileStat.ofContent(link);
        assertThat(content.regularFile()).isTrue();
        assertThat(content.unchangedSince(full)).isTrue();
        assertThat(content.device()).isEqualTo(full.device());
        assertThat(content.mode()).isEqualTo(-1);
        assertThat(FileStat.ofEntry(link).regularFile()).isFalse();

        Files.writeString(f, "hello, longer");
        assertThat(FileStat.ofContent(link).unchangedSince(full)).isFalse();
    }
}
