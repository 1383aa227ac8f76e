package io.github.dvcmaven.core.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dvc's compute_md5 vectors (dvc's tests/unit/stage/test_stage.py and tests/func/test_stage.py). */
class StageChecksumTest {
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void matchesDvcsVectors() {
        assertThat(StageChecksum.of(map(
                        "cmd", "mycmd",
                        "outs", List.of(map("path", "a", "md5", "123456789")),
                        "deps", List.of(map("path", "b", "md5", "987654321")))))
                .isEqualTo("e9521a22111493406ea64a88cda63e0b");
        assertThat(StageChecksum.of(map(
                        "cmd",
                        "mycmd",
                        "wdir",
                        "..",
                        "outs",
                        List.of(map("path", "a", "md5", "123456789")),
                        "deps",
                        List.of(map("path", "b", "md5", "987654321")))))
                .isEqualTo("2ceba15e87f6848aa756502c1e6d24e9");
        assertThat(StageChecksum.of(map(
                        "outs", List.of(map("md5", "d3b07384d113edec49eaa6238ad5ff00", "hash", "md5", "path", "foo")))))
                .isEqualTo("cde267b60ef5a00e9a35cc1999ab83a3");
    }

    @Test
    void ignoresWhatDoesNotChangeTheResult() {
        Map<String, Object> base =
                map("outs", List.of(map("md5", "d3b07384d113edec49eaa6238ad5ff00", "hash", "md5", "path", "foo")));
        Map<String, Object> annotated = map(
                "md5",
                "stale",
                "desc",
                "x",
                "frozen",
                true,
                "outs",
                List.of(map("md5", "d3b07384d113edec49eaa6238ad5ff00", "size", 4, "hash", "md5", "path", "foo")));
        assertThat(StageChecksum.of(annotated)).isEqualTo(StageChecksum.of(base));
    }
}
