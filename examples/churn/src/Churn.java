import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * The churn pipeline of the DVC course lab, in plain Java (run with {@code java src/Churn.java <stage>}):
 * load writes synthetic customers, train fits an L2-regularised logistic regression (C is the inverse
 * regularisation strength, as in scikit-learn), eval scores the held-out rows and draws the confusion matrix.
 */
public class Churn {
    public static void main(String[] args) throws IOException {
        switch (args.length == 1 ? args[0] : "") {
            case "load" -> load();
            case "train" -> train();
            case "eval" -> eval();
            default -> throw new IllegalArgumentException("usage: java src/Churn.java load|train|eval");
        }
    }

    // ------------------------------------------------------------------ stages

    static void load() throws IOException {
        String[] columns = {"monthly_spend", "support_tickets", "usage_minutes", "account_age", "discount_rate",
            "feature_adoption"};
        double[] weights = {0.9, 1.4, -1.1, -0.7, 0.3, -1.2};
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append(",churn\n");
        for (int i = 0; i < 160; i++) {
            double score = 0;
            for (double weight : weights) {
                double v = random.nextGaussian();
                score += weight * v;
                csv.append(String.format(Locale.ROOT, "%.6f,", v));
            }
            csv.append(score + 0.8 * random.nextGaussian() > 0 ? 1 : 0).append('\n');
        }
        Files.createDirectories(Path.of("data"));
        Files.writeString(Path.of("data/raw.csv"), csv);
        System.out.println("wrote data/raw.csv with 160 rows");
    }

    static void train() throws IOException {
        Map<String, String> p = params();
        double c = Double.parseDouble(p.get("C"));
        double testSize = Double.parseDouble(p.get("test_size"));
        List<String> lines = Files.readAllLines(Path.of("data/raw.csv"));
        List<String> pos = new ArrayList<>();
        List<String> neg = new ArrayList<>();
        for (String row : lines.subList(1, lines.size())) {
            (row.endsWith(",1") ? pos : neg).add(row);
        }
        Random random = new Random(Long.parseLong(p.get("seed")));
        Collections.shuffle(pos, random);
        Collections.shuffle(neg, random);
        List<String> train = new ArrayList<>();
        List<String> holdout = new ArrayList<>();
        for (List<String> group : List.of(pos, neg)) {
            int n = (int) Math.round(group.size() * testSize);
            holdout.addAll(group.subList(0, n));
            train.addAll(group.subList(n, group.size()));
        }
        double[][] x = features(train);
        int[] y = labels(train);
        double[][] model = fit(x, y, c);
        StringBuilder text = new StringBuilder();
        for (double[] row : model) {
            List<String> parts = new ArrayList<>();
            for (double v : row) {
                parts.add(String.format(Locale.ROOT, "%.10f", v));
            }
            text.append(String.join(" ", parts)).append('\n');
        }
        Files.createDirectories(Path.of("models"));
        Files.writeString(Path.of("models/model.txt"), text);
        Files.writeString(Path.of("data/holdout.csv"), lines.get(0) + "\n" + String.join("\n", holdout) + "\n");
        // a transient smoke signal: the eval stage owns metrics.json and overwrites it
        Files.writeString(Path.of("metrics.json"), "{\n  \"train_auc\": " + auc(predict(model, x), y) + "\n}");
        System.out.printf(Locale.ROOT, "trained on %d rows with C=%s; wrote model and holdout split%n", train.size(), c);
    }

    static void eval() throws IOException {
        double threshold = Double.parseDouble(params().get("threshold"));
        List<String> modelLines = Files.readAllLines(Path.of("models/model.txt"));
        double[][] model = new double[modelLines.size()][];
        for (int i = 0; i < model.length; i++) {
            String[] f = modelLines.get(i).trim().split(" ");
            model[i] = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                model[i][j] = Double.parseDouble(f[j]);
            }
        }
        List<String> rows = Files.readAllLines(Path.of("data/holdout.csv"));
        rows = rows.subList(1, rows.size());
        double[][] x = features(rows);
        int[] y = labels(rows);
        double[] scores = predict(model, x);
        int[][] matrix = new int[2][2];
        StringBuilder predictions = new StringBuilder("actual,predicted\n");
        int correct = 0;
        for (int i = 0; i < y.length; i++) {
            int predicted = scores[i] >= threshold ? 1 : 0;
            matrix[y[i]][predicted]++;
            correct += predicted == y[i] ? 1 : 0;
            predictions.append(y[i] == 1 ? "churn" : "stay").append(',').append(predicted == 1 ? "churn" : "stay").append('\n');
        }
        double accuracy = Math.round((double) correct / y.length * 1e6) / 1e6;
        Files.writeString(Path.of("metrics.json"), String.format(Locale.ROOT,
                "{\n  \"holdout_accuracy\": %s,\n  \"holdout_auc\": %s,\n  \"threshold\": %s\n}",
                accuracy, auc(scores, y), threshold));
        Files.createDirectories(Path.of("plots"));
        Files.writeString(Path.of("plots/predictions.csv"), predictions);
        drawConfusionMatrix(matrix, Path.of("plots/cm.png"));
        System.out.println("wrote final metrics and confusion matrix plot");
    }

    // ------------------------------------------------------------------ model

    static Map<String, String> params() throws IOException {
        Map<String, String> values = new HashMap<>();
        boolean inTrain = false;
        for (String line : Files.readAllLines(Path.of("params.yaml"))) {
            if (!line.startsWith(" ") && !line.isBlank()) {
                inTrain = line.trim().equals("train:");
            } else if (inTrain && line.contains(":")) {
                String[] kv = line.trim().split(":", 2);
                values.put(kv[0].trim(), kv[1].trim());
            }
        }
        return values;
    }

    static double[][] features(List<String> rows) {
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",");
            x[i] = new double[f.length - 1];
            for (int j = 0; j < f.length - 1; j++) {
                x[i][j] = Double.parseDouble(f[j]);
            }
        }
        return x;
    }

    static int[] labels(List<String> rows) {
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            y[i] = rows.get(i).endsWith(",1") ? 1 : 0;
        }
        return y;
    }

    /** Returns {mean, std, weights, {bias}} of a standardised logistic regression fitted by gradient descent. */
    static double[][] fit(double[][] x, int[] y, double c) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j]) + 1e-12;
        }
        double[] w = new double[d];
        double[] b = {0};
        for (int iter = 0; iter < 3000; iter++) {
            double[] gw = new double[d];
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double z = b[0];
                for (int j = 0; j < d; j++) {
                    z += w[j] * (x[i][j] - mean[j]) / std[j];
                }
                double err = 1 / (1 + Math.exp(-z)) - y[i];
                for (int j = 0; j < d; j++) {
                    gw[j] += err * (x[i][j] - mean[j]) / std[j];
                }
                gb += err;
            }
            for (int j = 0; j < d; j++) {
                w[j] -= 0.05 * (gw[j] + w[j] / c) / n;
            }
            b[0] -= 0.05 * gb / n;
        }
        return new double[][] {mean, std, w, b};
    }

    static double[] predict(double[][] model, double[][] x) {
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double z = model[3][0];
            for (int j = 0; j < model[2].length; j++) {
                z += model[2][j] * (x[i][j] - model[0][j]) / model[1][j];
            }
            p[i] = 1 / (1 + Math.exp(-z));
        }
        return p;
    }

    /** Area under the ROC curve: the probability that a random churner outranks a random stayer. */
    static double auc(double[] scores, int[] y) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return Math.round(wins / pairs * 1e6) / 1e6;
    }

    static void drawConfusionMatrix(int[][] m, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        String[] names = {"stay", "churn"};
        BufferedImage image = new BufferedImage(320, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 320, 300);
        int max = Math.max(1, Math.max(Math.max(m[0][0], m[0][1]), Math.max(m[1][0], m[1][1])));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                int shade = 255 - 200 * m[r][c] / max;
                g.setColor(new Color(shade, shade, 255));
                g.fillRect(90 + c * 110, 40 + r * 110, 110, 110);
                g.setColor(shade < 140 ? Color.WHITE : Color.BLACK);
                g.drawString(String.valueOf(m[r][c]), 135 + c * 110, 100 + r * 110);
            }
            g.setColor(Color.BLACK);
            g.drawString(names[r], 20, 100 + r * 110);
            g.drawString(names[r], 120 + r * 110, 30);
        }
        g.drawString("actual \u2193  predicted \u2192", 70, 285);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
