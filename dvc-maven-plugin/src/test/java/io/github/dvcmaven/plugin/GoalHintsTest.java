package io.github.dvcmaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Hints are written once, as mvn dvc:goal, and printed in the form that runs where the build ran. */
class GoalHintsTest {
    @Test
    void withoutAResolvablePrefixEveryShortCommandGetsTheFullCoordinates() {
        GoalHints hints = GoalHints.fullCoordinates("1.2.3");
        assertThat(hints.render("run `mvn dvc:pull`, or `mvn dvc:push -Ddvc.allTags=true` where they exist"))
                .isEqualTo("run `mvn io.github.dvcmaven:dvc-maven-plugin:1.2.3:pull`, or"
                        + " `mvn io.github.dvcmaven:dvc-maven-plugin:1.2.3:push -Ddvc.allTags=true` where they exist");
    }

    @Test
    void withTheShortFormTextStaysAsWritten() {
        assertThat(GoalHints.shortForm().render("run `mvn dvc:pull`")).isEqualTo("run `mvn dvc:pull`");
        assertThat(GoalHints.forSession(null, "1.0").render("mvn dvc:repro"))
                .isEqualTo("mvn io.github.dvcmaven:dvc-maven-plugin:1.0:repro");
    }
}
