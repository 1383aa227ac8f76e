package io.github.dvcmaven.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The real dvc, run in a directory with analytics and update checks off and private config dirs. */
public final class DvcCli {
    private final Path configHome;
    private String siteCache;
    private final Map<String, String> extra = new HashMap<>();

    /** An extra environment variable for every dvc run (and for our Repo where tests pass env()). */
    public DvcCli withEnv(String key, String value) {
        extra.put(key, value);
        return this;
    }

    public DvcCli(Path configHome) {
        this.configHome = configHome;
        this.siteCache = configHome.resolve("site").toString();
    }

    /** dvc's site cache holds a data index that remembers what it saw; a new one behaves like a fresh clone. */
    public void useFreshSiteCache(String name) {
        siteCache = configHome.resolve(name).toString();
    }

    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("DVC_NO_ANALYTICS", "1");
        env.put("DVC_GLOBAL_CONFIG_DIR", configHome.resolve("global").toString());
        env.put("DVC_SYSTEM_CONFIG_DIR", configHome.resolve("system").toString());
        env.put("DVC_SITE_CACHE_DIR", siteCache);
        env.put("GIT_AUTHOR_NAME", "test");
        env.put("GIT_AUTHOR_EMAIL", "test@example.com");
        env.put("GIT_COMMITTER_NAME", "test");
        env.put("GIT_COMMITTER_EMAIL", "test@example.com");
        env.putAll(extra);
        return env;
    }

    public Proc.Result run(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ExternalTools.dvc().toString());
        cmd.addAll(List.of(args));
        return Proc.run(dir, env(), null, cmd);
    }

    public Proc.Result ok(Path dir, String... args) {
        return run(dir, args).assertOk();
    }

    /** {@code git init} and {@code dvc init} in a new directory there; returns it. */
    public Path initRepo(Path dir) throws IOException {
        Files.createDirectories(dir);
        git(dir, "init", "-q");
        ok(dir, "init", "-q");
        return dir;
    }

    public static Proc.Result git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        Map<String, String> env = Map.of(
                "GIT_AUTHOR_NAME",
                "test",
                "GIT_AUTHOR_EMAIL",
                "test@example.com",
                "GIT_COMMITTER_NAME",
                "test",
                "GIT_COMMITTER_EMAIL",
                "test@example.com");
        return Proc.run(dir, env, null, cmd).assertOk();
    }
}
