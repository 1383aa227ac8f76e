package io.github.dvcmaven.core.internal.format.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.internal.py.JsonParser;
import io.github.dvcmaven.core.internal.py.PyJson;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.Proc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Our emitter against dvc's own dumper (ruamel), on thousands of generated documents. */
@Tag("interop")
class YamlWriterDifferentialTest {
    private static final String[] WORDS = {
        "yes",
        "no",
        "on",
        "off",
        "null",
        "Null",
        "~",
        "true",
        "False",
        "1e3",
        "1e-05",
        "0o17",
        "017",
        "0x1F",
        "12:30",
        "2020-01-01",
        "2020-1-1 10:00:00",
        "=",
        "<<",
        "-",
        "- x",
        "-x",
        "?",
        "? x",
        ":",
        "a: b",
        "a:b",
        "#c",
        "a #c",
        "a#c",
        "it's",
        "'q'",
        "\"dq\"",
        "[x]",
        "{y}",
        "x,y",
        "&a",
        "*b",
        "!t",
        "|",
        ">",
        "%",
        "@",
        "`",
        "é",
        "中文",
        "😀",
        "tab\there",
        "nl\nx",
        "  lead",
        "trail ",
        "",
        " ",
        "1_000",
        ".5",
        "+1",
        ".inf",
        "-.inf",
        ".nan",
        "NaN",
        "python train.py --lr 0.1",
        "path/to/file.csv",
        "data/raw.csv",
        "a\u00a0b",
        "\u0007bell",
        "x\r\ny",
        "---",
        "...",
        "a  b",
        "back\\slash",
        "train@1",
        "${item.x}",
        "true_",
        "0.1.2",
    };

    @Test
    void matchesRuamelOnGeneratedDocuments() {
        Random random = new Random(20261126);
        List<Object> cases = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            cases.add(randomMap(random, 0));
        }
        cases.add(Map.of("cmd", longText(new Random(1), 400)));
        for (int i = 0; i < 300; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            String special = List.of("\t", "\n", "'", "\"", "\u0007", "  ", "\n ", " \n", "\\")
                    .get(random.nextInt(9));
            String text = longText(random, 60 + random.nextInt(300));
            int at = random.nextInt(text.length());
            m.put("k", text.substring(0, at) + special + text.substring(at));
            m.put(longText(random, 100 + random.nextInt(60)), List.of(text));
            m.put("nested", Map.of("deeper", Map.of("list", List.of(List.of(text), Map.of("a", text + special)))));
            cases.add(m);
        }
        String json = PyJson.dumps(cases);
        String out = Proc.run(
                        ExternalTools.projectRoot(),
                        Map.of(),
                        json,
                        List.of(
                                ExternalTools.python().toString(),
                                ExternalTools.resource("interop/yaml_dump.py").toString()))
                .assertOk()
                .out();
        @SuppressWarnings("unchecked")
        List<Object> expected = (List<Object>) JsonParser.parse(out);
        @SuppressWarnings("unchecked")
        List<Object> reparsed = (List<Object>) JsonParser.parse(json);
        for (int i = 0; i < reparsed.size(); i++) {
            assertThat(YamlWriter.dump(reparsed.get(i)))
                    .as("case %d: %s", i, PyJson.dumps(reparsed.get(i)))
                    .isEqualTo(expected.get(i));
        }
    }

    private static Map<String, Object> randomMap(Random r, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            String key = r.nextInt(5) == 0 ? randomString(r) : "k" + i;
            m.put(key, randomValue(r, depth + 1));
        }
        return m;
    }

    private static Object randomValue(Random r, int depth) {
        int kind = r.nextInt(depth > 4 ? 6 : 9);
        return switch (kind) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> r.nextInt(3) == 0 ? (long) r.nextInt(1000) : r.nextLong();
            case 3 -> randomDouble(r);
            case 4, 5 -> r.nextInt(3) == 0 ? longText(r, 40 + r.nextInt(200)) : randomString(r);
            case 6 -> randomMap(r, depth);
            case 7 -> randomList(r, depth);
            default -> r.nextBoolean() ? new ArrayList<>() : new LinkedHashMap<>();
        };
    }

    private static List<Object> randomList(Random r, int depth) {
        List<Object> l = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            l.add(randomValue(r, depth + 1));
        }
        return l;
    }

    private static double randomDouble(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> r.nextDouble();
            case 1 -> Math.pow(10, r.nextInt(60) - 30) * (r.nextInt(9) + 1);
            case 2 -> (double) r.nextInt(100000);
            case 3 -> -r.nextDouble() * 1e6;
            case 4 -> 1e16;
            default -> 0.1 * r.nextInt(30);
        };
    }

    private static String randomString(Random r) {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + r.nextInt(3);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                sb.append(r.nextInt(4) == 0 ? "" : " ");
            }
            sb.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private static String longText(Random r, int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            int w = r.nextInt(12);
            if (w == 0) {
                sb.append(WORDS[r.nextInt(WORDS.length)]);
            } else if (w == 1) {
                sb.append("x".repeat(60 + r.nextInt(40)));
            } else {
                sb.append("w".repeat(1 + r.nextInt(9)));
            }
            sb.append(r.nextInt(10) == 0 ? "  " : " ");
        }
        return sb.toString().trim();
    }
}
