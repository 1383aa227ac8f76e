package io.github.dvcmaven.core.internal.py;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyJsonTest {
    @Test
    void sortsKeysAndUsesPythonSeparators() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("relpath", "a");
        m.put("md5", "x");
        m.put("n", List.of(1L, 2.5, true, false));
        m.put("z", null);
        assertThat(PyJson.dumpsSorted(m))
                .isEqualTo("{\"md5\": \"x\", \"n\": [1, 2.5, true, false], \"relpath\": \"a\", \"z\": null}");
    }

    @Test
    void escapesLikeEnsureAscii() {
        assertThat(PyJson.dumpsSorted("é\"\\\n\t\u0001\u007f😀/"))
                .isEqualTo("\"\\u00e9\\\"\\\\\\n\\t\\u0001\\u007f\\ud83d\\ude00/\"");
    }

    @Test
    void codePointKeyOrderDiffersFromJavaForAstralCharacters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("\uffff", 1L);
        m.put("😀", 2L);
        // Python: U+FFFF < U+1F600; Java's UTF-16 compareTo would put the surrogate pair first
        assertThat(PyJson.dumpsSorted(m)).isEqualTo("{\"\\uffff\": 1, \"\\ud83d\\ude00\": 2}");
    }

    @Test
    void parserRoundTripsAndReportsLines() {
        Object parsed = JsonParser.parse("{\"b\": [1, 2.0, 12345678901234567890], \"a\": \"\\u00e9\"}");
        assertThat(parsed).isEqualTo(Map.of("b", List.of(1L, 2.0, new BigInteger("12345678901234567890")), "a", "é"));
        assertThatThrownBy(() -> JsonParser.parse("{\n  \"a\": ,\n}"))
                .isInstanceOf(JsonParser.JsonSyntaxException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void pythonEqualityTreatsIntsFloatsAndBoolsAlike() {
        assertThat(PyValues.equal(1L, 1.0)).isTrue();
        assertThat(PyValues.equal(true, 1L)).isTrue();
        assertThat(PyValues.equal(List.of(1L, 2L), List.of(1.0, 2.0))).isTrue();
        assertThat(PyValues.equal("1", 1L)).isFalse();
        assertThat(PyValues.equal(0.1 + 0.2, 0.3)).isFalse();
    }
}
