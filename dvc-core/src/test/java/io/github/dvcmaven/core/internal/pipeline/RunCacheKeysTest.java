package io.github.dvcmaven.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.internal.hash.FileHasher;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dvc's own run-cache vectors (tests/unit/stage/test_cache.py). */
class RunCacheKeysTest {
    private static Map<String, Object> item(String path, String content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("hash", "md5");
        m.put("md5", FileHasher.md5Hex(content.getBytes(StandardCharsets.UTF_8)));
        m.put("size", (long) content.length());
        return m;
    }

    @Test
    void keyAndValueMatchDvc() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("cmd", "python script.py");
        entry.put("deps", List.of(item("dep", "dep"), item("script.py", "open(\"out\", \"w+\").write(\"out\"); ")));
        entry.put("outs", List.of(item("out", "out")));
        assertThat(RunCacheKeys.key(entry))
                .isEqualTo("c7a85d71de1912c43d9c5b6218c71630d6277e8fc11e4ccf5e12b3c202234838");
        assertThat(RunCacheKeys.value(entry))
                .isEqualTo("5e2824029f8da9ef6c57131a638ceb65f27c02f16c85d71e85671c27daed0501");
    }

    @Test
    void paramsAreHashedWithSizeKeysDroppedEvenThere() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("params.yaml", new LinkedHashMap<>(Map.of("bar", 2L, "foo", 1L)));
        params.put("myparams.yaml", new LinkedHashMap<>(Map.of("baz", 3L, "qux", 4L)));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("cmd", "python script.py");
        entry.put("params", params);
        entry.put("outs", List.of(item("out", "out")));
        assertThat(RunCacheKeys.key(entry))
                .isEqualTo("8fdb377d1b4c0a303b788771b122dfba9bbbbc43f14ce41d35715cf4fea08459");
        assertThat(RunCacheKeys.value(entry))
                .isEqualTo("9ce1963a69beb1299800188647cd960b7afff101be19fd46226e32bb8be8ee44");
    }
}
