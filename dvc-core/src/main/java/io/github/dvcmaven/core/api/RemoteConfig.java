package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.config.ConfigEditor;
import io.github.dvcmaven.core.internal.config.ConfigLevel;
import io.github.dvcmaven.core.internal.config.RemoteOptionSchema;
import io.github.dvcmaven.core.internal.remote.Remotes;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code dvc remote add|modify|default|remove|list}, writing config dvc reads (and reading what it
 * wrote). {@link Repo#remotes()} writes the committed {@code .dvc/config}; {@link #local()} the
 * git-ignored {@code .dvc/config.local}, where credentials belong.
 *
 * <pre>{@code
 * repo.remotes().add("storage", "s3://bucket/dvc");
 * repo.remotes().setDefault("storage");
 * repo.remotes().local().modify("storage", "access_key_id", key);
 * }</pre>
 */
public final class RemoteConfig {
    private final Repo owner;
    private final ConfigLevel level;

    RemoteConfig(Repo owner) {
        this(owner, ConfigLevel.REPO);
    }

    private RemoteConfig(Repo owner, ConfigLevel level) {
        this.owner = owner;
        this.level = level;
    }

    /** The same operations on {@code .dvc/config.local} (dvc's {@code --local}). */
    public RemoteConfig local() {
        return new RemoteConfig(owner, ConfigLevel.LOCAL);
    }

    private RepoContext repo() {
        return owner.context();
    }

    private Path file(ConfigLevel at) {
        return repo().config().files().file(at);
    }

    /** A local path given relative to the cwd is stored relative to the config file's directory, as dvc does. */
    private String storedUrl(String url, Path configFile) {
        if (url.contains("://") || url.startsWith("~")) {
            return url;
        }
        Path abs = repo().options().cwd().resolve(url).normalize();
        if (Path.of(url).isAbsolute()) {
            return url;
        }
        return configFile.getParent().relativize(abs).toString().replace(File.separatorChar, '/');
    }

    /**
     * {@code dvc remote add}: a new remote of that name (stored in lower case, as dvc does).
     *
     * @throws DvcException when a remote of that name exists, or the URL's scheme is not supported
     */
    public void add(String name, String url) {
        add(name, url, false);
    }

    /** {@code dvc remote add --force}: that remote, replacing one of the same name. */
    public void replace(String name, String url) {
        add(name, url, true);
    }

    private void add(String name, String url, boolean force) {
        String n = name.toLowerCase(Locale.ROOT);
        Path file = file(level);
        if (repo().config().remotes().containsKey(n) && !force) {
            throw new DvcException("remote '" + n + "' already exists.", "pass -Ddvc.force=true to overwrite it");
        }
        RemoteOptionSchema.checkUrl(n, url);
        ConfigEditor.edit(file, conf -> {
            Map<String, Object> remote = new LinkedHashMap<>();
            remote.put("url", storedUrl(url, file));
            ConfigEditor.remotes(conf).put(n, remote);
        });
        owner.reloadConfig();
    }

    /**
     * {@code dvc remote modify}: sets one option of an existing remote, checked against dvc's schema
     * for its type. A secret set in the committed file is warned about.
     */
    public void modify(String name, String option, String value) {
        modify(name, option, value, false);
    }

    /** {@code dvc remote modify --unset}: removes one option of an existing remote. */
    public void unset(String name, String option) {
        modify(name, option, null, true);
    }

    private void modify(String name, String option, String value, boolean unset) {
        String n = name.toLowerCase(Locale.ROOT);
        Map<String, Object> existing = repo().config().remotes().get(n);
        if (existing == null) {
            throw new DvcException("remote '" + n + "' doesn't exist.", "add it first with -Ddvc.action=add");
        }
        if (!unset) {
            RemoteOptionSchema.check(n, String.valueOf(existing.get("url")), option, value, null);
            if (option.equalsIgnoreCase("url")) {
                RemoteOptionSchema.checkUrl(n, value);
            }
        }
        if (level != ConfigLevel.LOCAL && Remotes.SECRET_KEYS.contains(option.toLowerCase(Locale.ROOT))) {
            repo().listener()
                    .log(
                            RepoListener.Level.WARN,
                            "'" + option + "' of remote '" + n
                                    + "' is a secret and .dvc/config is committed to git: prefer -Ddvc.local=true (.dvc/config.local)");
        }
        Path file = file(level);
        ConfigEditor.edit(file, conf -> {
            Map<String, Object> remote = ConfigEditor.remotes(conf).computeIfAbsent(n, k -> new LinkedHashMap<>());
            String key = option.toLowerCase(Locale.ROOT);
            if (unset) {
                remote.remove(key);
            } else {
                remote.put(key, key.equals("url") ? storedUrl(value, file) : value);
            }
        });
        owner.reloadConfig();
    }

    /** {@code dvc remote default}: makes an existing remote the default ({@code core.remote}). */
    public void setDefault(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (!repo().config().remotes().containsKey(n)) {
            throw new DvcException("remote '" + n + "' doesn't exist.", "add it first with -Ddvc.action=add");
        }
        ConfigEditor.edit(
                file(level), conf -> ConfigEditor.section(conf, "core").put("remote", n));
        owner.reloadConfig();
    }

    /** {@code dvc remote default --unset}: no default remote in this file any more. */
    public void unsetDefault() {
        ConfigEditor.edit(
                file(level), conf -> ConfigEditor.section(conf, "core").remove("remote"));
        owner.reloadConfig();
    }

    /**
     * {@code dvc remote remove}: the remote, from both the committed and the local file, and as the
     * default where it was.
     */
    public void remove(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (!repo().config().remotes().containsKey(n)) {
            throw new DvcException("remote '" + n + "' doesn't exist.");
        }
        for (ConfigLevel at : List.of(ConfigLevel.REPO, ConfigLevel.LOCAL)) {
            ConfigEditor.edit(file(at), conf -> {
                Object remotes = conf.get("remote");
                if (remotes instanceof Map<?, ?> m) {
                    m.remove(n);
                }
                Object core = conf.get("core");
                if (core instanceof Map<?, ?> c && n.equals(c.get("remote"))) {
                    c.remove("remote");
                }
            });
        }
        owner.reloadConfig();
    }

    /** Remote name → url, as the config files give them. */
    public Map<String, String> list() {
        Map<String, String> out = new LinkedHashMap<>();
        repo().config().remotes().forEach((k, v) -> out.put(k, String.valueOf(v.get("url"))));
        return out;
    }

    /** The remote {@code core.remote} names, if any. */
    public Optional<String> defaultRemote() {
        return Optional.ofNullable(Remotes.defaultName(repo().config()));
    }
}
