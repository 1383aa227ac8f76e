package io.github.dvcmaven.core.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A git repo whose dvc.yaml plots every built-in template, single and multi-source data (CSV, TSV,
 * JSON, YAML), and images (PNG, SVG), with a committed version (HEAD) and a changed workspace.
 */
public final class PlotsFixture {
    public static final String DVC_YAML = """
            plots:
            - loss.csv
            - roc:
                template: simple
                x: fpr
                y:
                  roc.json: tpr
            - history.yaml:
                template: scatter
                x: epoch
                y:
                - loss
                - acc
            - confusion:
                template: confusion
                x: actual
                y:
                  cm.csv: predicted
            - confusion_normalized:
                template: confusion_normalized
                x: actual
                y:
                  cm.csv: predicted
            - learning:
                template: smooth
                x: epoch
                y:
                  curves/train.tsv: loss
                  curves/val.tsv: loss
            - importance:
                template: bar_horizontal_sorted
                x: importance
                y:
                  importance.json: feature
            - importance_unsorted:
                template: bar_horizontal
                x: importance
                y:
                  importance.json: feature
            - confusion.png
            - model.svg
            """;

    private PlotsFixture() {}

    /** Creates the repo (git + `.dvc/`) with HEAD at version 1 and the workspace at version 2. */
    public static void create(Path repo) throws IOException {
        Files.createDirectories(repo.resolve(".dvc"));
        Files.writeString(repo.resolve(".dvc/config"), "");
        DvcCli.git(repo, "init", "-q");
        DvcCli.git(repo, "config", "user.email", "t@example.com");
        DvcCli.git(repo, "config", "user.name", "t");
        Files.writeString(repo.resolve("dvc.yaml"), DVC_YAML);
        version(repo, 1);
        DvcCli.git(repo, "add", "-A");
        DvcCli.git(repo, "commit", "-qm", "v1");
        version(repo, 2);
    }

    public static void version(Path repo, int v) throws IOException {
        double d = v * 0.05;
        StringBuilder loss = new StringBuilder("epoch,loss,acc\n");
        StringBuilder history = new StringBuilder("history:\n");
        StringBuilder train = new StringBuilder("epoch\tloss\n");
        StringBuilder val = new StringBuilder("epoch\tloss\n");
        for (int e = 0; e < 12; e++) {
            double l = 1.0 / (e + 1 + v) + 0.1;
            loss.append(e)
                    .append(',')
                    .append(r(l))
                    .append(',')
                    .append(r(0.5 + e * 0.03 + d))
                    .append('\n');
            history.append("- epoch: ")
                    .append(e)
                    .append("\n  loss: ")
                    .append(r(l))
                    .append("\n  acc: ")
                    .append(r(0.5 + e * 0.035 + d))
                    .append('\n');
            train.append(e).append('\t').append(r(l * 0.9)).append('\n');
            val.append(e).append('\t').append(r(l * 1.1 + 0.02)).append('\n');
        }
        Files.writeString(repo.resolve("loss.csv"), loss);
        Files.writeString(repo.resolve("history.yaml"), history);
        Files.createDirectories(repo.resolve("curves"));
        Files.writeString(repo.resolve("curves/train.tsv"), train);
        Files.writeString(repo.resolve("curves/val.tsv"), val);
        Files.writeString(
                repo.resolve("roc.json"),
                "{\"roc\": [{\"fpr\": 0.0, \"tpr\": 0.0}, {\"fpr\": 0.1, \"tpr\": " + r(0.5 + d)
                        + "}, {\"fpr\": 0.4, \"tpr\": " + r(0.8 + d) + "}, {\"fpr\": 1.0, \"tpr\": 1.0}]}\n");
        StringBuilder cm = new StringBuilder("actual,predicted\n");
        String[][] pairs = {{"churn", "churn"}, {"churn", "stay"}, {"stay", "stay"}, {"stay", "churn"}};
        int[] counts = {20 + v * 5, 10 - v * 3, 60 + v * 2, 10 - v * 2};
        for (int i = 0; i < pairs.length; i++) {
            for (int k = 0; k < counts[i]; k++) {
                cm.append(pairs[i][0]).append(',').append(pairs[i][1]).append('\n');
            }
        }
        Files.writeString(repo.resolve("cm.csv"), cm);
        Files.writeString(
                repo.resolve("importance.json"),
                "[{\"feature\": \"tenure\", \"importance\": " + r(0.35 + d)
                        + "}, {\"feature\": \"monthly_charges\", \"importance\": 0.25}, {\"feature\": \"contract\", "
                        + "\"importance\": " + r(0.3 - d)
                        + "}, {\"feature\": \"support_calls\", \"importance\": 0.1}]\n");
        BufferedImage img = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 90);
        g.setColor(v == 1 ? new Color(0x13adc7) : new Color(0x945dd6));
        g.fillRect(10, 10, 40 + v * 20, 70);
        g.dispose();
        ImageIO.write(img, "png", repo.resolve("confusion.png").toFile());
        Files.writeString(
                repo.resolve("model.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"90\">"
                        + "<circle cx=\"60\" cy=\"45\" r=\"" + (20 + v * 10) + "\" fill=\"#f46837\"/></svg>\n");
    }

    private static String r(double x) {
        return String.valueOf(Math.round(x * 1000) / 1000.0);
    }
}
