package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.config.ConfigEditor;
import io.github.dvcmaven.core.internal.config.ConfigLevel;
import io.github.dvcmaven.core.internal.config.RemoteOptionSchema;
import io.github.dvcmaven.core.internal.remote.Remotes;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code dvc remote add|modify|default|remove|list}, writing config dvc reads (and reading what it wrote). */
public final class RemoteConfig {
    private final RepoContext repo;

    RemoteConfig(RepoContext repo) {
        this.repo = repo;
    }

    private Path file(boolean local) {
        return repo.config().files().file(local ? ConfigLevel.LOCAL : ConfigLevel.REPO);
    }

    /** A local path given relative to the cwd is stored relative to the config file's directory, as dvc does. */
    private String storedUrl(String url, Path configFile) {
        if (url.contains("://") || url.startsWith("~")) {
            return url;
        }
        Path abs = repo.options().cwd().resolve(url).normalize();
        if (Path.of(url).isAbsolute()) {
            return url;
        }
        return configFile.getParent().relativize(abs).toString().replace(File.separatorChar, '/');
    }

    public void add(String name, String url, boolean makeDefault, boolean local, boolean force) {
        String n = name.toLowerCase(Locale.ROOT);
        Path file = file(local);
        if (repo.config().remotes().containsKey(n) && !force) {
            throw new DvcException("remote '" + n + "' already exists.", "pass -Ddvc.force=true to overwrite it");
        }
        RemoteOptionSchema.checkUrl(n, url);
        ConfigEditor.edit(file, conf -> {
            Map<String, Object> remote = new LinkedHashMap<>();
            remote.put("url", storedUrl(url, file));
            ConfigEditor.remotes(conf).put(n, remote);
            if (makeDefault) {
                ConfigEditor.section(conf, "core").put("remote", n);
            }
        });
        repo.reloadConfig();
    }

    public void modify(String name, String option, String value, boolean local, boolean unset) {
        String n = name.toLowerCase(Locale.ROOT);
        Map<String, Object> existing = repo.config().remotes().get(n);
        if (existing == null) {
            throw new DvcException("remote '" + n + "' doesn't exist.", "add it first with -Ddvc.action=add");
        }
        if (!unset) {
            RemoteOptionSchema.check(n, String.valueOf(existing.get("url")), option, value, null);
            if (option.equalsIgnoreCase("url")) {
                RemoteOptionSchema.checkUrl(n, value);
            }
        }
        if (!local && Remotes.SECRET_KEYS.contains(option.toLowerCase(Locale.ROOT))) {
            repo.listener()
                    .log(
                            RepoListener.Level.WARN,
                            "'" + option + "' of remote '" + n
                                    + "' is a secret and .dvc/config is committed to git: prefer -Ddvc.local=true (.dvc/config.local)");
        }
        Path file = file(local);
        ConfigEditor.edit(file, conf -> {
            Map<String, Object> remote = ConfigEditor.remotes(conf).computeIfAbsent(n, k -> new LinkedHashMap<>());
            String key = option.toLowerCase(Locale.ROOT);
            if (unset) {
                remote.remove(key);
            } else {
                remote.put(key, key.equals("url") ? storedUrl(value, file) : value);
            }
        });
        repo.reloadConfig();
    }

    public void setDefault(String name, boolean local, boolean unset) {
        ConfigEditor.edit(file(local), conf -> {
            if (unset) {
                ConfigEditor.section(conf, "core").remove("remote");
            } else {
                String n = name.toLowerCase(Locale.ROOT);
                if (!repo.config().remotes().containsKey(n)) {
                    throw new DvcException("remote '" + n + "' doesn't exist.", "add it first with -Ddvc.action=add");
                }
                ConfigEditor.section(conf, "core").put("remote", n);
            }
        });
        repo.reloadConfig();
    }

    public void remove(String name, boolean local) {
        String n = name.toLowerCase(Locale.ROOT);
        if (!repo.config().remotes().containsKey(n)) {
            throw new DvcException("remote '" + n + "' doesn't exist.");
        }
        for (boolean level : new boolean[] {false, true}) {
            ConfigEditor.edit(file(level), conf -> {
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
        repo.reloadConfig();
    }

    /** Remote name → url, as the config files give them. */
    public Map<String, String> list() {
        Map<String, String> out = new LinkedHashMap<>();
        repo.config().remotes().forEach((k, v) -> out.put(k, String.valueOf(v.get("url"))));
        return out;
    }

    /** The remote {@code core.remote} names, if any. */
    public Optional<String> defaultRemote() {
        return Optional.ofNullable(Remotes.defaultName(repo.config()));
    }
}
