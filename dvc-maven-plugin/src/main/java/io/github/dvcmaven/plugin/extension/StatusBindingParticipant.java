package io.github.dvcmaven.plugin.extension;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.plugin.MavenVersionCheck;
import io.github.dvcmaven.plugin.PluginProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle extension ({@code <extensions>true</extensions>}): binds {@code dvc:status} to
 * {@code verify} once per dvc repository in the reactor, in the last module of that repository that
 * declares the plugin, unless some module already declares the goal. {@code -Ddvc.skip} and
 * {@code -Ddvc.status.skip} turn the binding off; a {@code -Ddvc.*} property no goal knows fails the
 * build before anything runs. Declared in {@code META-INF/plexus/components.xml}, which every supported
 * Maven reads (see there).
 */
public class StatusBindingParticipant extends AbstractMavenLifecycleParticipant {
    static final String PLUGIN_KEY = "io.github.dvcmaven:dvc-maven-plugin";
    static final String EXECUTION_ID = "dvc-status-auto";
    private static final Logger LOG = LoggerFactory.getLogger(StatusBindingParticipant.class);

    @Override
    public void afterProjectsRead(MavenSession session) throws MavenExecutionException {
        String tooOld = MavenVersionCheck.problem(session.getSystemProperties());
        if (tooOld != null) {
            throw new MavenExecutionException(tooOld, session.getRequest().getPom());
        }
        String unknown = PluginProperties.unknown(session.getUserProperties());
        if (unknown != null) {
            // before any module builds: a misspelt -Ddvc.* would otherwise be ignored by every goal
            throw new MavenExecutionException(unknown, session.getRequest().getPom());
        }
        Properties props = new Properties();
        props.putAll(session.getSystemProperties());
        props.putAll(session.getUserProperties());
        if (flag(props, "dvc.skip") || flag(props, "dvc.status.skip")) {
            LOG.info("dvc: status check not bound to verify (dvc.skip / dvc.status.skip)");
            return;
        }
        for (Map.Entry<Path, List<MavenProject>> e :
                projectsByRepository(session.getProjects()).entrySet()) {
            bind(e.getKey(), e.getValue());
        }
    }

    private static boolean flag(Properties props, String key) {
        String v = props.getProperty(key);
        return v != null && (v.isEmpty() || Boolean.parseBoolean(v));
    }

    /** Projects that declare the plugin, grouped by the dvc repository they sit in, in reactor order. */
    private static Map<Path, List<MavenProject>> projectsByRepository(List<MavenProject> projects) {
        Map<Path, List<MavenProject>> out = new LinkedHashMap<>();
        for (MavenProject p : projects) {
            if (p.getPlugin(PLUGIN_KEY) == null || p.getBasedir() == null) {
                continue;
            }
            try {
                out.computeIfAbsent(Repo.findRoot(p.getBasedir().toPath()), k -> new ArrayList<>())
                        .add(p);
            } catch (DvcException notInARepo) {
                LOG.debug("dvc: {} is not inside a dvc repository", p.getArtifactId());
            }
        }
        return out;
    }

    private static void bind(Path root, List<MavenProject> projects) {
        for (MavenProject p : projects) {
            for (PluginExecution ex : p.getPlugin(PLUGIN_KEY).getExecutions()) {
                if (ex.getGoals().contains("status")) {
                    LOG.debug("dvc: {} already declares dvc:status; nothing bound", p.getArtifactId());
                    return;
                }
            }
        }
        MavenProject target = projects.get(projects.size() - 1);
        Plugin plugin = target.getPlugin(PLUGIN_KEY);
        PluginExecution execution = new PluginExecution();
        execution.setId(EXECUTION_ID);
        execution.setPhase("verify");
        execution.addGoal("status");
        Xpp3Dom config = new Xpp3Dom("configuration");
        Xpp3Dom rootParam = new Xpp3Dom("root");
        rootParam.setValue(root.toString());
        config.addChild(rootParam);
        execution.setConfiguration(config);
        plugin.addExecution(execution);
        plugin.flushExecutionMap();
        LOG.info(
                "dvc: dvc:status bound to verify in {} for the dvc repository {} (skip with -Ddvc.status.skip)",
                target.getArtifactId(),
                root);
    }
}
