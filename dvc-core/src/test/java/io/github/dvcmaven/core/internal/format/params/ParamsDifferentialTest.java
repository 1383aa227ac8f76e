package io.github.dvcmaven.core.internal.format.params;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.internal.format.FormatException;
import io.github.dvcmaven.core.internal.py.PyJson;
import io.github.dvcmaven.core.internal.py.RawScalar;
import io.github.dvcmaven.core.testing.ExternalTools;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Our hand-written params parsers against independent oracles, on a corpus and its mutations: TOML
 * against Python's {@code tomllib}, Python params files against dvc's own {@code parse_py} (Python's
 * {@code ast}). Python answers in JSON, read here with snakeyaml, not with our JSON parser. Where the
 * oracle refuses a document we must refuse it too; where it reads one we must read the same values.
 */
@Tag("interop")
class ParamsDifferentialTest {
    @TempDir
    Path tmp;

    static final List<String> TOML = List.of(
            "a = 1\nb = -0x1F\nc = 0o17\nd = 0b101\ne = 1_000\n",
            "f = 1.5\ng = -2e-3\nh = inf\ni = -inf\nj = nan\nk = +1.0\n",
            "s = \"tab\\tq\\\"u\\u00e9\\U0001F600\"\nl = 'C:\\\\raw'\n",
            "m = \"\"\"\nline1\\\n   line2\"\"\"\nn = '''\nraw \\n'''\n",
            "[t]\nx = 1\n[t.u]\ny = [1, 2, [3, \"4\"]]\n",
            "[[runs]]\nname = \"a\"\n[[runs]]\nname = \"b\"\n[runs.sub]\nz = true\n",
            "p.q.r = 1\np.s = { a = 1, b.c = \"d\" }\n",
            "\"quoted key\" = 1\n'lit key' = 2\nbare-key_1 = 3\n",
            "when = 1979-05-27T07:32:00Z\nday = 1979-05-27\nat = 07:32:00\nlocal = 1979-05-27T07:32:00.999\n",
            "arr = [\n  1, # one\n  2,\n]\n",
            "a = 1\na = 2\n",
            "[t]\n[t]\n",
            "x = [1, 2\n",
            "x = 01\n",
            "x = 1__0\n",
            "x = \"unterminated\n",
            "x = { a = 1, }\n",
            "x = .5\n",
            "[a.b]\n[a]\nc = 1\n",
            "x = 0x\n",
            "key = \"value\" trailing\n");

    static final List<String> PY = List.of(
            "A = 1\nB = -2.5\nC = 'x' \"y\"\nD = None\nE = True\n",
            "L = [1, (2, 3), {'a': [None]}]\nT = 1, 2, 3\n",
            "X: int = 5\nY: list = []\n",
            "class Train:\n    lr = 0.1\n    epochs = 10\n    def __init__(self):\n        self.seed = 42\n        self.name = 'n'\n",
            "import os\nPATH = os.getcwd()\nK = 1 + 2\nOK = 3\n",
            "A = 1e3\nB = 0x10\nC = -0\nD = 1_000\n",
            "S = '''multi\nline'''\nR = r'\\d+'\n",
            "A = [1,\n     2,\n     3]\n",
            "A = (\n  'a'\n  'b'\n)\n",
            "def f():\n    X = 1\nY = 2\n",
            "A = [1, 2\n",
            "A = 'unterminated\n",
            "A = {'k': 1,}\nB = [1,]\n",
            "if True:\n    A = 1\nB = 2\n");

    @Test
    void tomlReadsAsPythonsTomllibReadsIt() throws Exception {
        compare(corpus(TOML, 7, 300), ".toml", """
                import json, sys, tomllib, math, datetime
                def norm(v):
                    if isinstance(v, dict): return {k: norm(x) for k, x in v.items()}
                    if isinstance(v, list): return [norm(x) for x in v]
                    if isinstance(v, float) and math.isnan(v): return "<nan>"
                    if isinstance(v, float) and math.isinf(v): return "<inf>" if v > 0 else "<-inf>"
                    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)): return "<datetime>"
                    return v
                out = []
                for doc in json.load(sys.stdin):
                    try: out.append({"ok": norm(tomllib.loads(doc))})
                    except Exception as e: out.append({"error": type(e).__name__})
                print(json.dumps(out))
                """);
    }

    @Test
    void pythonParamsReadAsDvcsParsePyReadsThem() throws Exception {
        // the one known difference: dvc refuses a whole file Python cannot parse; we read the assignments
        // that parse (every value we read must still be dvc's)
        lenientOnSyntaxErrors = true;
        compare(corpus(PY, 11, 200), ".py", """
                import json, sys, math
                from dvc.utils.serialize import parse_py
                def norm(v):
                    if isinstance(v, dict): return {str(k): norm(x) for k, x in v.items()}
                    if isinstance(v, (list, tuple)): return [norm(x) for x in v]
                    if isinstance(v, (set, frozenset, bytes)): return "<unsupported>"
                    if isinstance(v, float) and math.isnan(v): return "<nan>"
                    if isinstance(v, float) and math.isinf(v): return "<inf>" if v > 0 else "<-inf>"
                    return v
                out = []
                for doc in json.load(sys.stdin):
                    try: out.append({"ok": norm(parse_py(doc, "params.py"))})
                    except Exception as e: out.append({"error": type(e).__name__})
                print(json.dumps(out))
                """);
    }

    /** The corpus, then mutations of it (deleted, duplicated and swapped characters) from a fixed seed. */
    private static List<String> corpus(List<String> seeds, long seed, int mutations) {
        List<String> out = new ArrayList<>(seeds);
        Random r = new Random(seed);
        String tokens = "[]{}=,.'\"\\\n #0x_e+-:";
        for (int i = 0; i < mutations; i++) {
            StringBuilder s = new StringBuilder(seeds.get(r.nextInt(seeds.size())));
            int at = r.nextInt(s.length());
            switch (r.nextInt(3)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, tokens.charAt(r.nextInt(tokens.length())));
                default -> s.insert(at, s.substring(at, Math.min(s.length(), at + 1 + r.nextInt(8))));
            }
            out.add(s.toString());
        }
        return out;
    }

    private boolean lenientOnSyntaxErrors;

    private void compare(List<String> docs, String extension, String oracle) throws Exception {
        Path script = Files.writeString(tmp.resolve("oracle.py"), oracle);
        Path python = ExternalTools.dvcVenv().resolve("bin/python");
        Process p = new ProcessBuilder(python.toString(), script.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (var in = p.getOutputStream()) {
            in.write(PyJson.dumps(docs).getBytes(StandardCharsets.UTF_8));
        }
        String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        List<?> answers = (List<?>) new Yaml(new SafeConstructor(new LoaderOptions())).load(answer);
        assertThat(answers).hasSize(docs.size());
        List<String> mismatches = new ArrayList<>();
        int agreedValues = 0;
        int agreedErrors = 0;
        int lenient = 0;
        for (int i = 0; i < docs.size(); i++) {
            Map<?, ?> theirs = (Map<?, ?>) answers.get(i);
            Object ours;
            try {
                ours = ParamsFiles.parse(docs.get(i), "params" + extension, extension);
            } catch (FormatException e) {
                ours = e;
            } catch (RuntimeException e) {
                mismatches.add("#" + i + " threw " + e + " on " + show(docs.get(i)));
                continue;
            }
            if (theirs.containsKey("error")) {
                if (ours instanceof FormatException) {
                    agreedErrors++;
                } else if (lenientOnSyntaxErrors) {
                    lenient++; // a Python file with a syntax error: dvc refuses it whole, we read what parses
                } else {
                    mismatches.add("#" + i + " the oracle refuses it (" + theirs.get("error") + "), we read " + ours
                            + ": " + show(docs.get(i)));
                }
            } else if (ours instanceof FormatException e) {
                mismatches.add("#" + i + " the oracle reads " + theirs.get("ok") + ", we refuse it (" + e.getMessage()
                        + "): " + show(docs.get(i)));
            } else if (!same(theirs.get("ok"), ours)) {
                mismatches.add("#" + i + " the oracle reads " + theirs.get("ok") + ", we read " + ours + ": "
                        + show(docs.get(i)));
            } else {
                agreedValues++;
            }
        }
        System.out.printf(
                "params differential %s: %d documents, %d read alike, %d refused alike, %d read despite a"
                        + " syntax error, %d mismatches%n",
                extension, docs.size(), agreedValues, agreedErrors, lenient, mismatches.size());
        assertThat(mismatches).isEmpty();
    }

    private static String show(String doc) {
        return "'" + doc.replace("\n", "\\n") + "'";
    }

    private static boolean same(Object theirs, Object ours) {
        if ("<datetime>".equals(theirs)) {
            return ours instanceof String || ours instanceof RawScalar;
        }
        if ("<nan>".equals(theirs)) {
            return ours instanceof Double d && d.isNaN();
        }
        if ("<inf>".equals(theirs) || "<-inf>".equals(theirs)) {
            return ours instanceof Double d && d.isInfinite() && (d > 0) == "<inf>".equals(theirs);
        }
        if (theirs instanceof Map<?, ?> tm) {
            if (!(ours instanceof Map<?, ?> om) || tm.size() != om.size()) {
                return false;
            }
            Iterator<? extends Map.Entry<?, ?>> a = tm.entrySet().iterator();
            Iterator<? extends Map.Entry<?, ?>> b = om.entrySet().iterator();
            while (a.hasNext()) {
                Map.Entry<?, ?> x = a.next();
                Map.Entry<?, ?> y = b.next();
                if (!String.valueOf(x.getKey()).equals(String.valueOf(y.getKey()))
                        || !same(x.getValue(), y.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (theirs instanceof List<?> tl) {
            if (!(ours instanceof List<?> ol) || tl.size() != ol.size()) {
                return false;
            }
            for (int i = 0; i < tl.size(); i++) {
                if (!same(tl.get(i), ol.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (theirs instanceof Integer || theirs instanceof Long || theirs instanceof BigInteger) {
            return (ours instanceof Long || ours instanceof Integer || ours instanceof BigInteger)
                    && new BigInteger(String.valueOf(theirs)).equals(new BigInteger(String.valueOf(ours)));
        }
        if (theirs instanceof Double d) {
            return ours instanceof Double o && o.doubleValue() == d.doubleValue();
        }
        return Objects.equals(theirs, ours);
    }

    static {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
