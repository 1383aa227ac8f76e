package io.github.dvcmaven.core.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.internal.format.yaml.YamlDocument;
import io.github.dvcmaven.core.internal.format.yaml.YamlReader;
import io.github.dvcmaven.core.internal.py.RawScalar;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    @Test
    void typesPlainScalarsAsYaml12() {
        YamlDocument doc = YamlReader.parse("""
                a: yes
                b: on
                c: 1e3
                d: 1_000
                e: 2020-01-01
                f: 0o17
                g: 017
                h: ~
                i: .5
                k: 12:30
                l: 0x1F
                m: +1
                n: True
                o: '1'
                p: [1, 2.5]
                """, "params.yaml");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) doc.root();
        assertThat(m.get("a")).isEqualTo("yes");
        assertThat(m.get("b")).isEqualTo("on");
        assertThat(m.get("c")).isEqualTo(1000.0);
        assertThat(m.get("d")).isEqualTo(1000L);
        assertThat(m.get("e")).isEqualTo(new RawScalar("2020-01-01", "2020-01-01"));
        assertThat(m.get("f")).isEqualTo(15L);
        assertThat(m.get("g")).isEqualTo(17L);
        assertThat(m.get("h")).isNull();
        assertThat(m.get("i")).isEqualTo(0.5);
        assertThat(m.get("k")).isEqualTo("12:30");
        assertThat(m.get("l")).isEqualTo(31L);
        assertThat(m.get("m")).isEqualTo(1L);
        assertThat(m.get("n")).isEqualTo(true);
        assertThat(m.get("o")).isEqualTo("1");
        assertThat(m.get("p")).isEqualTo(List.of(1L, 2.5));
    }

    @Test
    void duplicateKeysAndSyntaxErrorsNameFileAndLine() {
        assertThatThrownBy(() -> YamlReader.parse("a: 1\nb: 2\na: 3\n", "dvc.yaml"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("dvc.yaml:3:")
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> YamlReader.parse("stages:\n  x:\n    cmd: [unclosed\n", "dvc.yaml"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("dvc.yaml:");
    }

    @Test
    void remembersKeyLines() {
        YamlDocument doc = YamlReader.parse("stages:\n  train:\n    cmd: x\n    bogus: 1\n", "dvc.yaml");
        Map<?, ?> train = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) doc.root()).get("stages")).get("train");
        assertThat(doc.lineOf(train, "bogus")).isEqualTo(4);
    }

    @Test
    void mergeKeys() {
        YamlDocument doc = YamlReader.parse("base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n", "f.yaml");
        assertThat(((Map<?, ?>) doc.root()).get("derived")).isEqualTo(Map.of("x", 1L, "y", 3L));
    }
}
