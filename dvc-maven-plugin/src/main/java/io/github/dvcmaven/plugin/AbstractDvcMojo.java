package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.DvcRenderer;
import io.github.dvcmaven.core.api.RenderOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.Report;
import java.io.Console;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.SessionData;

/**
 * What every goal shares: finding the dvc repository, {@code dvc.skip}, running once per repository
 * in a reactor, the progress/log bridge, and turning core failures into build failures with a hint.
 */
public abstract class AbstractDvcMojo extends AbstractMojo {
    /** Session data key of the goal:repository pairs this build has run (Maven shares one session per build). */
    private static final String DONE_KEY = AbstractDvcMojo.class.getName() + ".done";

    /** Where to look for the dvc repository (it or a parent has {@code .dvc/}); default: the current directory. */
    @Parameter(property = "dvc.root")
    protected File root;

    /** Skip all dvc goals. */
    @Parameter(property = "dvc.skip", defaultValue = "false")
    protected boolean skip;

    /** Parallel jobs for hashing and transfers; default: the number of cores (hashing), dvc's default (transfers). */
    @Parameter(property = "dvc.jobs", defaultValue = "0")
    protected int jobs;

    /** Wait as long as another dvc or dvc-maven holds the repository lock (dvc's --wait-for-lock), instead of 3 s. */
    @Parameter(property = "dvc.waitForLock", defaultValue = "false")
    private boolean waitForLock;

    /** Fail, instead of warning, when a remote's credentials sit in the committed .dvc/config. */
    @Parameter(property = "dvc.strictSecrets", defaultValue = "false")
    protected boolean strictSecrets;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    @Component
    private SettingsDecrypter settingsDecrypter;

    /** How hints name the plugin where this build runs (see {@link GoalHints}). */
    protected GoalHints hints = GoalHints.shortForm();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        hints = GoalHints.forSession(session, pluginVersion());
        if (session != null) {
            String tooOld = MavenVersionCheck.problem(session.getSystemProperties());
            if (tooOld != null) {
                throw new MojoFailureException(tooOld);
            }
            String unknown = PluginProperties.unknown(session.getUserProperties());
            if (unknown != null) {
                throw new MojoFailureException(hints.render(unknown));
            }
            CommandLineOverrides.apply(this, mojoExecution, session.getUserProperties());
        }
        if (skip || skipGoal()) {
            getLog().info("Skipping dvc:" + goal());
            return;
        }
        Path cwd = cwd();
        try {
            if (!firstRunFor(cwd)) {
                return;
            }
            run(cwd);
        } catch (DvcException e) {
            throw new MojoFailureException(hints.render(failureMessage(e)), e);
        }
    }

    protected String pluginVersion() {
        if (mojoExecution != null
                && mojoExecution.getMojoDescriptor() != null
                && mojoExecution.getMojoDescriptor().getPluginDescriptor() != null) {
            return mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
        }
        String v = AbstractDvcMojo.class.getPackage().getImplementationVersion();
        return v != null ? v : "LATEST";
    }

    /** Run as {@code mvn dvc:goal} rather than bound to a lifecycle phase (by a pom or the extension). */
    protected boolean runByHand() {
        return mojoExecution != null && mojoExecution.getSource() == MojoExecution.Source.CLI;
    }

    /** The goal's work; core failures propagate as DvcException. */
    protected abstract void run(Path cwd) throws MojoExecutionException, MojoFailureException;

    protected abstract String goal();

    protected boolean skipGoal() {
        return false;
    }

    /** In a multi-module reactor a goal runs once per dvc repository, not once per module. */
    private boolean firstRunFor(Path cwd) {
        if (!onePerRepository()) {
            return true;
        }
        Path repoRoot;
        try {
            repoRoot = Repo.findRoot(cwd);
        } catch (DvcException e) {
            return true; // let the goal report the missing repository
        }
        if (session == null || session.getRepositorySession() == null) {
            return true;
        }
        if (!doneInThisBuild(session.getRepositorySession().getData()).add(goal() + ":" + repoRoot)) {
            getLog().debug("dvc:" + goal() + " already ran for " + repoRoot + " in this build");
            return false;
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> doneInThisBuild(SessionData data) {
        Object done = data.get(DONE_KEY);
        if (done == null) {
            // compare-and-set: modules built in parallel (-T) may get here together
            data.set(DONE_KEY, null, ConcurrentHashMap.newKeySet());
            done = data.get(DONE_KEY);
        }
        return (Set<String>) done;
    }

    protected boolean onePerRepository() {
        return true;
    }

    protected Path cwd() {
        if (root != null) {
            return root.toPath().toAbsolutePath().normalize();
        }
        String dir = session != null ? session.getExecutionRootDirectory() : null;
        return Path.of(dir != null ? dir : System.getProperty("user.dir"))
                .toAbsolutePath()
                .normalize();
    }

    protected RepoOptions options(Path cwd) {
        boolean interactive = session != null && session.getRequest().isInteractiveMode() && onATerminal();
        return RepoOptions.defaults()
                .withCwd(cwd)
                .withJobs(jobs)
                .withStrictSecrets(strictSecrets)
                .withWaitForLock(waitForLock)
                .withProxies(SettingsProxies.choose(
                        session == null ? null : session.getSettings(), settingsDecrypter, System.getProperties()))
                .withListener(new MavenRepoListener(getLog(), interactive, System.out, hints::render));
    }

    protected Repo openRepo(Path cwd) {
        RepoOptions options = options(cwd);
        Repo repo = Repo.open(cwd, options);
        if (session == null
                || session.getSettings() == null
                || session.getSettings().getServers().isEmpty()) {
            return repo;
        }
        // settings.xml servers named like a remote: known only once the config is read
        Map<String, Map<String, Object>> fromSettings = SettingsCredentials.fromSettings(
                session.getSettings(), settingsDecrypter, repo.remotes().list());
        if (fromSettings.isEmpty()) {
            return repo;
        }
        repo.close();
        getLog().debug("dvc: credentials for remote(s) " + fromSettings.keySet() + " from settings.xml");
        return Repo.open(cwd, options.withRemoteOverrides(fromSettings));
    }

    /**
     * Prints a report as dvc does: its text to the build log; JSON and Markdown to standard output, where
     * a redirect can catch them.
     */
    protected void show(Report report, RenderOptions how) {
        List<String> lines = DvcRenderer.render(report, how);
        if (how.format() == RenderOptions.Format.TEXT) {
            lines.forEach(getLog()::info);
        } else {
            lines.forEach(System.out::println);
        }
    }

    protected static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        if (csv == null) {
            return out;
        }
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    protected void logGitHint(List<String> files) {
        if (files.isEmpty()) {
            return;
        }
        getLog().info("To track the changes with git, run:");
        getLog().info("");
        getLog().info("\tgit add " + String.join(" ", files));
        getLog().info("");
        getLog().info("To enable auto staging, run: dvc config core.autostage true");
    }

    static String failureMessage(DvcException e) {
        return e.hint() == null ? e.getMessage() : e.getMessage() + "\n  Hint: " + e.hint();
    }

    /**
     * Whether standard output is a terminal (a live progress bar) or a log (periodic lines). From JDK 22 on
     * {@code System.console()} is never null, and only {@code Console.isTerminal()} (absent before 22) tells.
     */
    @SuppressWarnings("SystemConsoleNull") // the null check is for JDK 17 to 21; isTerminal() covers 22 on
    private static boolean onATerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before JDK 22 a console is a terminal
        }
    }
}
