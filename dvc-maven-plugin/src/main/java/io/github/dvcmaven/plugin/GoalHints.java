package io.github.dvcmaven.plugin;

import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;

/**
 * Hints are commands to paste where the build ran. The core and the goals write them as
 * {@code mvn dvc:goal}; that short form only works where Maven resolves the {@code dvc} prefix (the
 * project in that directory declares the plugin, or settings.xml lists its group in
 * {@code <pluginGroups>}), so elsewhere every hint names the plugin by its full coordinates.
 */
final class GoalHints {
    static final String SHORT = "mvn dvc:";
    static final String GROUP_ID = "io.github.dvcmaven";
    static final String ARTIFACT_ID = "dvc-maven-plugin";

    private final String prefix;

    private GoalHints(String prefix) {
        this.prefix = prefix;
    }

    static GoalHints shortForm() {
        return new GoalHints(SHORT);
    }

    static GoalHints fullCoordinates(String version) {
        return new GoalHints("mvn " + coordinates(version));
    }

    /** {@code io.github.dvcmaven:dvc-maven-plugin:<version>:}, to which a goal name is appended. */
    static String coordinates(String version) {
        return GROUP_ID + ":" + ARTIFACT_ID + ":" + version + ":";
    }

    static GoalHints forSession(MavenSession session, String version) {
        return session != null && prefixResolves(session) ? shortForm() : fullCoordinates(version);
    }

    private static boolean prefixResolves(MavenSession session) {
        if (session.getSettings() != null
                && session.getSettings().getPluginGroups().contains(GROUP_ID)) {
            return true;
        }
        MavenProject top = session.getTopLevelProject();
        if (top == null || top.getFile() == null) {
            return false; // no pom where Maven ran
        }
        return declares(top.getBuildPlugins())
                || (top.getPluginManagement() != null
                        && declares(top.getPluginManagement().getPlugins()));
    }

    private static boolean declares(List<Plugin> plugins) {
        return plugins != null
                && plugins.stream()
                        .anyMatch(p -> GROUP_ID.equals(p.getGroupId()) && ARTIFACT_ID.equals(p.getArtifactId()));
    }

    /** The text with every {@code mvn dvc:} command in the form that runs here. */
    String render(String text) {
        return text == null || prefix.equals(SHORT) ? text : text.replace(SHORT, prefix);
    }
}
