package io.github.dvcmaven.examples.churn;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.ReaderOptions;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.RepoReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The model the build packaged is the one the data repository holds at the tag: the same bytes the read
 * API gives for that revision, the commit and md5 the manifest records, and a working scorer.
 */
class ChurnScorerTest {
    private static final String REGISTRY = System.getProperty("churn.registry");
    private static final String TAG = System.getProperty("churn.tag");

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ChurnScorerTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static RepoReader registry() {
        return RepoReader.open(
                REGISTRY, TAG, ReaderOptions.defaults().withBase(RepoOptions.defaults().withCwd(Path.of(REGISTRY))));
    }

    @Test
    void thePackagedModelIsTheTagsModel() throws Exception {
        byte[] packaged = resource("/models/model.txt");
        String manifest = new String(resource("/META-INF/dvc/inputs.json"), StandardCharsets.UTF_8);
        try (RepoReader reader = registry()) {
            assertThat(packaged).isEqualTo(reader.read("models/model.txt"));
            assertThat(manifest).contains("\"commit\": \"" + reader.commit() + "\"");
            assertThat(manifest).contains("\"rev\": \"" + TAG + "\"");
            String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(packaged));
            assertThat(manifest).contains("\"md5\": \"" + md5 + "\"");
            // the promotion evidence: the metrics the data team's eval stage wrote at that commit
            assertThat(reader.metricsShow()).containsKey("holdout_auc");
            assertThat(manifest).contains("\"holdout_auc\"");
        }
    }

    @Test
    void scoresWithThePackagedModel() {
        ChurnScorer scorer = ChurnScorer.packaged();
        double[] customer = new double[scorer.features()];
        double p = scorer.churnProbability(customer);
        assertThat(p).isBetween(0.0, 1.0);
    }
}
