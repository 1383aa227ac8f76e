package io.github.dvcmaven.examples.churn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Scores customers with the churn model packaged in this jar ({@code /models/model.txt}, put there by
 * {@code dvc:inputs} from a tag of the data repository): a standardised logistic regression whose file
 * holds one line each of feature means, standard deviations, weights and the bias.
 */
public final class ChurnScorer {
    private final double[] mean;
    private final double[] std;
    private final double[] weights;
    private final double bias;

    ChurnScorer(String modelText) {
        List<double[]> rows = modelText.lines().filter(l -> !l.isBlank()).map(ChurnScorer::numbers).toList();
        if (rows.size() != 4 || rows.get(0).length != rows.get(2).length) {
            throw new IllegalArgumentException("not a churn model: expected mean, std, weights and bias lines");
        }
        mean = rows.get(0);
        std = rows.get(1);
        weights = rows.get(2);
        bias = rows.get(3)[0];
    }

    /** The model this jar was built with. */
    public static ChurnScorer packaged() {
        try (InputStream in = ChurnScorer.class.getResourceAsStream("/models/model.txt")) {
            if (in == null) {
                throw new IllegalStateException("no /models/model.txt on the classpath: build with dvc:inputs");
            }
            return new ChurnScorer(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ChurnScorer of(String modelText) {
        return new ChurnScorer(modelText);
    }

    public int features() {
        return weights.length;
    }

    /** The probability that a customer with these features churns. */
    public double churnProbability(double... features) {
        if (features.length != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " features, got " + features.length);
        }
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * (features[i] - mean[i]) / std[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    private static double[] numbers(String line) {
        String[] parts = line.trim().split("\\s+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }
}
