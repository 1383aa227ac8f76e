package io.github.dvcmaven.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The seed's lab in small, for the gate's tests (interop and invoker): raw data meant to be tracked by
 * a .dvc file, then prep → train → eval in shell, a train.C param and an uncached metric.
 */
public final class GateLab {
    public static final String PIPELINE = """
            stages:
              prep:
                cmd: mkdir -p data/prepared && cp data/raw/customers.csv data/prepared/
                deps:
                - data/raw/customers.csv
                outs:
                - data/prepared
              train:
                cmd: sh src/train.sh
                deps:
                - data/prepared
                - src/train.sh
                params:
                - train.C
                outs:
                - model/model.txt
              eval:
                cmd: sh src/eval.sh
                deps:
                - model/model.txt
                - src/eval.sh
                metrics:
                - metrics.json:
                    cache: false
            """;

    private GateLab() {}

    /** Writes the lab's files into {@code dir} (raw data, code, params.yaml with train.C 0.5, dvc.yaml). */
    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data/raw"));
        Files.writeString(dir.resolve("data/raw/customers.csv"), "id,tenure,churn\n1,3,1\n2,40,0\n3,12,0\n");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(
                dir.resolve("src/train.sh"),
                "mkdir -p model && cat data/prepared/*.csv params.yaml > model/model.txt\n");
        Files.writeString(
                dir.resolve("src/eval.sh"), "printf '{\"auc\": %s}' \"$(wc -c < model/model.txt)\" > metrics.json\n");
        Files.writeString(dir.resolve("params.yaml"), "train:\n  C: 0.5\n");
        Files.writeString(dir.resolve("dvc.yaml"), PIPELINE);
    }
}
