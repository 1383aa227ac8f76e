package io.github.dvcmaven.core.testing;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * JSON read by snakeyaml (JSON is a subset of YAML), not by the project's own JsonParser: interop tests
 * compare dvc's JSON with ours through it, so a parser bug cannot hide on both sides.
 */
public final class IndependentJson {
    private IndependentJson() {}

    public static Object parse(String json) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        return new Yaml(new SafeConstructor(options)).load(json);
    }
}
