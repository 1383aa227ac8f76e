package io.github.dvcmaven.core.internal.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.HashInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dvc's own test vectors (see the format notes, section 4.4). */
class HashVectorsTest {
    private static String md5(String s) {
        return FileHasher.md5Hex(s.getBytes(StandardCharsets.UTF_8));
    }

    private static DirManifest.Entry e(String rel, String content) {
        return new DirManifest.Entry(rel, md5(content));
    }

    @Test
    void fileVectors() {
        assertThat(md5("foo")).isEqualTo("acbd18db4cc2f85cedef654fccc4a4d8");
        assertThat(md5("bar")).isEqualTo("37b51d194a7513e45b56f6524f2d51f2");
        assertThat(md5("data")).isEqualTo("8d777f385d3dfec8815d20f7496026dc");
    }

    @Test
    void directoryVectors() {
        assertThat(new DirManifest(List.of(e("one", "one"), e("two", "two")))
                        .hash()
                        .value())
                .isEqualTo("6b18131dc289fd37006705affe961ef8.dir");
        DirManifest m = new DirManifest(List.of(e("subdir/data", "data"), e("foo", "foo"), e("bar", "bar")));
        assertThat(new String(m.toBytes(), StandardCharsets.US_ASCII))
                .isEqualTo("[{\"md5\": \"37b51d194a7513e45b56f6524f2d51f2\", \"relpath\": \"bar\"}, "
                        + "{\"md5\": \"acbd18db4cc2f85cedef654fccc4a4d8\", \"relpath\": \"foo\"}, "
                        + "{\"md5\": \"8d777f385d3dfec8815d20f7496026dc\", \"relpath\": \"subdir/data\"}]");
        assertThat(m.hash().value()).isEqualTo("8761c4e9acad696bee718615e23e22db.dir");
        assertThat(new DirManifest(List.of(e("foo", "foo"), e("bar", "bar"), e("baz", "baz")))
                        .hash()
                        .value())
                .isEqualTo("ba75a2162ca9c29acecb7957105a0bc2.dir");
        assertThat(new DirManifest(List.of(e("bar", "bar"), e(".gitignore", "/foo\n"), e("foo", "foo")))
                        .hash()
                        .value())
                .isEqualTo("e1d9e8eae5374860ae025ec84cfd85c7.dir");
        assertThat(new DirManifest(List.of()).hash().value()).isEqualTo("d751713988987e9331980363e24189ce.dir");
    }

    @Test
    void relpathsSortAsWholeStringsSoDashSlashUnderscore() {
        DirManifest m = new DirManifest(List.of(e("a_b", "x"), e("a/b", "x"), e("a-b", "x")));
        assertThat(m.entries()).extracting(DirManifest.Entry::relpath).containsExactly("a-b", "a/b", "a_b");
    }

    @Test
    void legacyDos2UnixHashesCrlfTextLikeLf() throws IOException {
        String lf = FileHasher.hash(
                new ByteArrayInputStream("a\nb\nc".getBytes(StandardCharsets.UTF_8)), HashInfo.MD5_DOS2UNIX);
        String crlf = FileHasher.hash(
                new ByteArrayInputStream("a\r\nb\r\nc".getBytes(StandardCharsets.UTF_8)), HashInfo.MD5_DOS2UNIX);
        assertThat(crlf).isEqualTo(lf).isEqualTo(md5("a\nb\nc"));
        byte[] binary = {0, '\r', '\n', 1};
        assertThat(FileHasher.hash(new ByteArrayInputStream(binary), HashInfo.MD5_DOS2UNIX))
                .isEqualTo(FileHasher.md5Hex(binary));
    }

    @Test
    void plainMd5OfAFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("f");
        Files.writeString(f, "a\r\nb");
        assertThat(FileHasher.hash(f, HashInfo.MD5)).isEqualTo(md5("a\r\nb"));
    }
}
