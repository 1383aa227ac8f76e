package io.github.dvcmaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class MavenVersionCheckTest {
    private static String check(String version) {
        Properties p = new Properties();
        if (version != null) {
            p.setProperty("maven.version", version);
        }
        return MavenVersionCheck.problem(p);
    }

    @Test
    void theSupportedMavensPass() {
        for (String v : new String[] {"3.6.3", "3.8.7", "3.8.8", "3.9.16", "4.0.0-rc-6", "4.1.0-SNAPSHOT", "3.10"}) {
            assertThat(check(v)).as(v).isNull();
        }
        assertThat(check(null)).as("a Maven that does not say").isNull();
    }

    @Test
    void olderMavensFailNamingTheirVersion() {
        assertThat(check("3.5.4"))
                .isEqualTo("dvc-maven-plugin needs Maven 3.6.3 or newer; this is Maven 3.5.4."
                        + " Use the project's ./mvnw, or install a newer Maven (3.9.x recommended)");
        assertThat(check("3.6.2")).contains("this is Maven 3.6.2");
        assertThat(check("2.2.1")).isNotNull();
    }
}
