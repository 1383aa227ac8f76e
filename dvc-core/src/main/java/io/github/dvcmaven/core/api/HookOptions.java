package io.github.dvcmaven.core.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code dvc install}: the git hooks to write (hook name to script body), and whether an existing hook
 * that is not this tool's may be replaced.
 *
 * @param hooks hook name (as git names it, e.g. {@code pre-push}) to the script's body
 * @param force replace hooks that already exist
 */
public record HookOptions(Map<String, String> hooks, boolean force) {
    public HookOptions {
        hooks = Collections.unmodifiableMap(new LinkedHashMap<>(hooks));
    }

    /** These hooks, leaving existing hooks that are not this tool's alone. */
    public static HookOptions of(Map<String, String> hooks) {
        return new HookOptions(hooks, false);
    }

    /** Replace existing hooks. */
    public HookOptions withForce(boolean on) {
        return new HookOptions(hooks, on);
    }
}
