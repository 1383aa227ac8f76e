package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.CacheCheck;
import io.github.dvcmaven.core.api.GcResult;
import java.util.ArrayList;
import java.util.List;

/** What gc removed (or, in a dry run, would remove), and what a cache check found, in dvc's words. */
final class GcReport {
    private GcReport() {}

    static List<String> lines(GcResult r, boolean cloud) {
        List<String> out = new ArrayList<>();
        objects(out, r.cacheObjects(), "repo cache", r.dryRun());
        if (cloud) {
            objects(out, r.remoteObjects(), "remote", r.dryRun());
        }
        if (r.dryRun() && !(r.cacheObjects().isEmpty() && r.remoteObjects().isEmpty())) {
            out.add(String.format(
                    "Dry run (%.1f MB in the cache). To delete, run again with -Ddvc.force=true",
                    r.cacheBytes() / 1e6));
        }
        return out;
    }

    private static void objects(List<String> out, List<String> objects, String where, boolean dryRun) {
        if (objects.isEmpty()) {
            out.add("No unused '" + (where.equals("remote") ? "remote" : "repo") + "' cache to remove.");
            return;
        }
        if (dryRun) {
            objects.forEach(o -> out.add("Would remove " + o));
        }
        out.add((dryRun ? "Would remove " : "Removed ") + objects.size() + " objects from " + where + ".");
    }

    static String corrupt(CacheCheck check) {
        return check.corrupt().size() + " of " + check.checked() + " cache objects do not match their hash:"
                + list(check)
                + "\nRemove them with `mvn dvc:gc -Ddvc.verify=true -Ddvc.force=true`, then restore them with"
                + " `mvn dvc:fetch`";
    }

    static String removedCorrupt(CacheCheck check) {
        return "Removed " + check.corrupt().size() + " corrupted cache objects:" + list(check)
                + "\nRestore them with `mvn dvc:fetch` (or `mvn dvc:commit -Ddvc.force=true` where the workspace"
                + " has them).";
    }

    private static String list(CacheCheck check) {
        return "\n  " + String.join("\n  ", check.corrupt());
    }
}
