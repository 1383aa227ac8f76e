package io.github.dvcmaven.core.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.format.yaml.YamlReader;
import io.github.dvcmaven.core.internal.hash.Meta;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import io.github.dvcmaven.core.internal.pipeline.Output;
import java.util.List;
import org.junit.jupiter.api.Test;

class DvcFileFormatTest {
    private static DvcFileStage read(String text, String file) {
        return DvcFileFormat.read(YamlReader.parse(text, file), file);
    }

    @Test
    void readsDvc3AndLegacyEntries() {
        DvcFileStage s = read(
                "outs:\n- md5: ACBD18DB4CC2F85CEDEF654FCCC4A4D8\n  size: 3\n  hash: md5\n  path: foo\n", "d/foo.dvc");
        Output o = s.outs().get(0);
        assertThat(o.repoPath()).isEqualTo("d/foo");
        assertThat(o.hash()).isEqualTo(HashInfo.md5("acbd18db4cc2f85cedef654fccc4a4d8"));
        DvcFileStage legacy = read("outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  path: foo\n", "foo.dvc");
        assertThat(legacy.outs().get(0).hash().isLegacy()).isTrue();
    }

    @Test
    void writesDvcKeyOrderAndKeepsUserKeysOnRewrite() {
        DvcFileStage s = read("outs:\n- path: foo # comment\n  desc: my data\n  remote: store\n", "foo.dvc");
        Output saved = s.outs().get(0).withHash(HashInfo.md5("acbd18db4cc2f85cedef654fccc4a4d8"), Meta.file(3, false));
        assertThat(DvcFileFormat.write(s.withOuts(List.of(saved))))
                .isEqualTo(
                        "outs:\n- path: foo\n  desc: my data\n  remote: store\n  md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  hash: md5\n");
        DvcFileStage fresh = new DvcFileStage("foo.dvc", "", List.of(saved), List.of(), null, false, null, null, null);
        assertThat(DvcFileFormat.write(fresh))
                .isEqualTo(
                        "outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  hash: md5\n  path: foo\n  desc: my data\n  remote: store\n");
    }

    @Test
    void rejectsUnknownKeysAndBadHashesNamingTheLine() {
        assertThatThrownBy(() ->
                        read("outs:\n- path: foo\n  md5: acbd18db4cc2f85cedef654fccc4a4d8\n  bogus: 1\n", "foo.dvc"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("foo.dvc:4:")
                .hasMessageContaining("bogus");
        assertThatThrownBy(() -> read("outs:\n- path: foo\n  md5: nothex\n", "foo.dvc"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("foo.dvc:3:");
        assertThatThrownBy(() -> read("outs:\n- path: ../../outside\n", "foo.dvc"))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("outside the repository");
    }
}
