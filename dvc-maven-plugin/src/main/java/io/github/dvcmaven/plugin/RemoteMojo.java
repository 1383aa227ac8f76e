package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.RemoteConfig;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Configures remotes like {@code dvc remote}: {@code -Ddvc.action=add|modify|default|remove|list} with
 * {@code dvc.name}, {@code dvc.url}, {@code dvc.option}/{@code dvc.value}. Secrets belong in
 * {@code .dvc/config.local} ({@code -Ddvc.local=true}), never in the committed {@code .dvc/config}.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:remote -Ddvc.action=add -Ddvc.name=storage -Ddvc.url=s3://bucket/dvc -Ddvc.default=true
 * mvn dvc:remote -Ddvc.action=modify -Ddvc.name=storage -Ddvc.option=endpointurl -Ddvc.value=http://127.0.0.1:9000
 * mvn dvc:remote -Ddvc.action=list
 * </pre>
 */
@Mojo(name = "remote", requiresProject = false, threadSafe = true)
public class RemoteMojo extends AbstractDvcMojo {
    /** add, modify, default, remove or list. */
    @Parameter(property = "dvc.action", defaultValue = "list")
    private String action;

    /** The remote's name. */
    @Parameter(property = "dvc.name")
    private String name;

    /** add: the remote's URL (s3://bucket/path, gs://…, azure://container/path, or a directory). */
    @Parameter(property = "dvc.url")
    private String url;

    /** modify: the option to set (endpointurl, region, access_key_id, …). */
    @Parameter(property = "dvc.option")
    private String option;

    /** modify: its value. */
    @Parameter(property = "dvc.value")
    private String value;

    /** add: make it the default remote. */
    @Parameter(property = "dvc.default", defaultValue = "false")
    private boolean makeDefault;

    /** Write to .dvc/config.local (git-ignored) instead of .dvc/config. */
    @Parameter(property = "dvc.local", defaultValue = "false")
    private boolean local;

    /** modify/default: remove the option instead of setting it. */
    @Parameter(property = "dvc.unset", defaultValue = "false")
    private boolean unset;

    /** add: overwrite an existing remote of that name. */
    @Parameter(property = "dvc.force", defaultValue = "false")
    private boolean force;

    @Override
    protected void run(Path cwd) {
        try (Repo repo = openRepo(cwd)) {
            RemoteConfig remotes = local ? repo.remotes().local() : repo.remotes();
            switch (action) {
                case "add" -> add(remotes);
                case "modify" -> modify(remotes);
                case "default" -> {
                    if (unset) {
                        remotes.unsetDefault();
                    } else {
                        remotes.setDefault(required(name, "dvc.name"));
                    }
                }
                case "remove" -> remotes.remove(required(name, "dvc.name"));
                case "list" -> {
                    String def = remotes.defaultRemote().orElse(null);
                    for (Map.Entry<String, String> e : remotes.list().entrySet()) {
                        getLog().info(e.getKey() + "\t" + e.getValue()
                                + (e.getKey().equals(def) ? "\t(default)" : ""));
                    }
                }
                default ->
                    throw new DvcException(
                            "unknown action '" + action + "'", "use add, modify, default, remove or list");
            }
        }
    }

    private void add(RemoteConfig remotes) {
        if (force) {
            remotes.replace(required(name, "dvc.name"), required(url, "dvc.url"));
        } else {
            remotes.add(required(name, "dvc.name"), required(url, "dvc.url"));
        }
        if (makeDefault) {
            remotes.setDefault(name);
            getLog().info("Setting '" + name + "' as a default remote.");
        } else {
            getLog().info("Added remote '" + name + "'.");
        }
    }

    private void modify(RemoteConfig remotes) {
        if (unset) {
            remotes.unset(required(name, "dvc.name"), required(option, "dvc.option"));
        } else {
            remotes.modify(required(name, "dvc.name"), required(option, "dvc.option"), required(value, "dvc.value"));
        }
    }

    private static String required(String v, String property) {
        if (v == null || v.isBlank()) {
            throw new DvcException("missing -D" + property, "see `mvn dvc:help -Ddetail -Dgoal=remote`");
        }
        return v;
    }

    @Override
    protected String goal() {
        return "remote";
    }

    @Override
    protected boolean onePerRepository() {
        return false;
    }
}
