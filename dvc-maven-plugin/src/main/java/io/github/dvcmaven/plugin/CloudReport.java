package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.CloudStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The release gate's view of a remote: which objects of the covered revisions a fresh clone could not
 * restore from it (dvc's "new" and "missing" of {@code status -c}), and a line on what is only there.
 */
final class CloudReport {
    private static final int LISTED = 20;

    private CloudReport() {}

    static List<String> lines(CloudStatus st, String scope) {
        List<String> out = new ArrayList<>();
        List<CloudStatus.Entry> absent = st.notOnRemote();
        for (CloudStatus.Entry e : absent.subList(0, Math.min(LISTED, absent.size()))) {
            out.add("\t" + String.format("%-20s", e.state().text() + ":") + e.name() + revision(e));
        }
        if (absent.size() > LISTED) {
            out.add("\t... and " + (absent.size() - LISTED) + " more");
        }
        long remoteOnly = st.entries().stream()
                .filter(e -> e.state() == CloudStatus.State.DELETED)
                .count();
        String remotes =
                "remote" + (st.remotes().size() == 1 ? "" : "s") + " '" + String.join("', '", st.remotes()) + "'";
        if (st.entries().isEmpty()) {
            out.add("No cached data in " + scope + " to check on the remote.");
        } else if (absent.isEmpty() && remoteOnly == 0) {
            out.add("Cache and " + remotes + " are in sync.");
        } else if (absent.isEmpty()) {
            out.add(Character.toUpperCase(remotes.charAt(0)) + remotes.substring(1)
                    + (st.remotes().size() == 1 ? " has" : " have")
                    + " all " + st.entries().size() + " object(s) used by " + scope + manifests(st) + "; "
                    + remoteOnly + " of them are not in this cache (`" + GoalHints.SHORT + "pull` fetches them).");
        }
        return out;
    }

    private static String manifests(CloudStatus st) {
        return st.manifestsFetched() == 0
                ? ""
                : " (" + st.manifestsFetched() + " directory manifest(s) read from the"
                        + " remote, no data downloaded)";
    }

    private static String revision(CloudStatus.Entry e) {
        return e.revision().equals("workspace") ? "" : "   (" + e.revision() + ")";
    }

    static String failure(CloudStatus st, String scope, String scopeFlags) {
        List<CloudStatus.Entry> absent = st.notOnRemote();
        boolean onlyLocal = absent.stream().allMatch(CloudStatus.Entry::local);
        StringBuilder sb = new StringBuilder("dvc status: " + absent.size() + " object(s) used by " + scope
                + " are not on remote '" + String.join("', '", st.remotes()) + "': a fresh clone cannot restore them");
        for (CloudStatus.Entry e : absent.subList(0, Math.min(LISTED, absent.size()))) {
            sb.append("\n  ")
                    .append(e.name())
                    .append(revision(e))
                    .append(": ")
                    .append(e.local() ? "only in this cache" : "neither in this cache nor on the remote")
                    .append(" (")
                    .append(e.hash().value())
                    .append(')');
        }
        if (absent.size() > LISTED) {
            sb.append("\n  ... and ").append(absent.size() - LISTED).append(" more");
        }
        sb.append("\n  Fix: ")
                .append(onlyLocal ? "" : "on the machine that has the data, run ")
                .append(GoalHints.SHORT)
                .append("push")
                .append(scopeFlags)
                .append("   (or dvc push")
                .append(scopeFlags
                        .replace(" -Ddvc.allTags=true", " -T")
                        .replace(" -Ddvc.allBranches=true", " -a")
                        .replace(" -Ddvc.allCommits=true", " -A")
                        .replaceAll(" -Ddvc.revs=(\\S+)", " --rev $1"))
                .append(")");
        return sb.toString();
    }
}
