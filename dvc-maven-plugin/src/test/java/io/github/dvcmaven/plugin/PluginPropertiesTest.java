package io.github.dvcmaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A misspelt -Ddvc.* property fails, naming the nearest one some goal reads. */
class PluginPropertiesTest {
    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void theKnownNamesComeFromTheGoalsParameters() {
        assertThat(PluginProperties.known())
                .contains(
                        "dvc.targets",
                        "dvc.skip",
                        "dvc.status.skip",
                        "dvc.cloud",
                        "dvc.allowMissing",
                        "dvc.allTags",
                        "dvc.revs",
                        "dvc.report.base")
                .doesNotContain("dvc.target");
    }

    @Test
    void aKnownPropertyAndForeignPropertiesPass() {
        assertThat(PluginProperties.unknown(props("dvc.targets", "eval", "maven.repo.local", "/x", "dvcx", "1")))
                .isNull();
    }

    @Test
    void aTypoNamesItselfAndTheNearestName() {
        assertThat(PluginProperties.unknown(props("dvc.target", "eval")))
                .startsWith("unknown property -Ddvc.target: did you mean -Ddvc.targets?");
        assertThat(PluginProperties.unknown(props("dvc.alltags", "true"))).contains("did you mean -Ddvc.allTags?");
        assertThat(PluginProperties.unknown(props("dvc.statusSkip", "true")))
                .contains("did you mean -Ddvc.status.skip?");
    }

    @Test
    void aNameFarFromAnyKnownOneGetsNoGuess() {
        assertThat(PluginProperties.unknown(props("dvc.version", "1.0")))
                .startsWith("unknown property -Ddvc.version")
                .doesNotContain("did you mean");
    }
}
