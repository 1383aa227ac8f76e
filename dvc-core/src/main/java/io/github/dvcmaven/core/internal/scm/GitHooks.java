package io.github.dvcmaven.core.internal.scm;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.fs.AtomicWrite;
import io.github.dvcmaven.core.internal.fs.Modes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Git hooks as {@code dvc install} installs them: one {@code sh} script per hook in git's hooks
 * directory ({@code core.hooksPath} when set), refused when a hook of that name exists. The scripts are
 * 0755, not dvc's world-writable 0777: a hook is code every git command of the user runs.
 */
public final class GitHooks {
    private GitHooks() {}

    public static Path hooksDir(Git git) {
        String configured = git.repository().getConfig().getString("core", null, "hooksPath");
        return configured != null && !configured.isBlank()
                ? git.workTree().resolve(configured).normalize()
                : git.repository().getDirectory().toPath().resolve("hooks");
    }

    /** Writes each hook (name → script body after the {@code #!/bin/sh} line); existing ones only when forced. */
    public static List<Path> install(Git git, Map<String, String> hooks, boolean force) {
        Path dir = hooksDir(git);
        if (!force) {
            for (String name : hooks.keySet()) {
                Path hook = dir.resolve(name);
                if (Files.exists(hook)) {
                    throw new DvcException(
                            "Hook '" + name + "' already exists (" + hook + ")",
                            "look at what it does: merge it by hand, or overwrite it with -Ddvc.force=true");
                }
            }
        }
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<String, String> h : hooks.entrySet()) {
                Path hook = dir.resolve(h.getKey());
                AtomicWrite.writeString(hook, "#!/bin/sh\n" + h.getValue() + "\n");
                Modes.chmod(hook, 0755);
                written.add(hook);
            }
        } catch (IOException e) {
            throw new DvcException("cannot write the git hooks in " + dir + ": " + e.getMessage(), null, e);
        }
        return written;
    }
}
