package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.MissingData;
import io.github.dvcmaven.core.api.PathState;
import io.github.dvcmaven.core.api.StageChange;
import io.github.dvcmaven.core.api.StageStatus;
import io.github.dvcmaven.core.api.StatusReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The build-failure text for a stale repository: each stage or pointer with why it is stale, then the
 * commands that fix it. Which command fits follows from the changes: changed deps, params or command
 * mean the stage must rerun; a lock that records what dvc.yaml no longer declares is rewritten by a
 * commit; modified outputs are either committed or restored; deleted outputs come back from the cache,
 * or from the remote when the cache lacks it.
 */
final class StaleReport {
    private StaleReport() {}

    static String describe(StatusReport report) {
        StringBuilder sb = new StringBuilder("dvc status: "
                + report.stageStatuses().size() + " stage(s) or tracked" + " file(s) are not up to date:");
        TreeSet<String> repro = new TreeSet<>();
        TreeSet<String> recommit = new TreeSet<>();
        TreeSet<String> orphans = new TreeSet<>();
        TreeSet<String> modified = new TreeSet<>();
        boolean deleted = false;
        boolean notInCache = false;
        for (StageStatus s : report.stageStatuses()) {
            List<String> why = new ArrayList<>();
            List<String> deps = new ArrayList<>();
            for (StageChange c : s.changes()) {
                if (c instanceof StageChange.StageFlag f && f.text().equals(StageChange.NOT_IN_DVC_YAML)) {
                    why.add("recorded in dvc.lock, but no longer a stage of dvc.yaml");
                    orphans.add(s.addressing());
                } else if (c instanceof StageChange.StageFlag f) {
                    why.add(
                            f.text().equals(StageChange.NOT_IN_LOCK)
                                    ? "not in dvc.lock (it never ran, or its lock" + " entry was not committed)"
                                    : f.text());
                    repro.add(s.addressing());
                } else if (isUndeclared(c)) {
                    why.add(describe(c));
                    recommit.add(s.addressing());
                } else if (c instanceof StageChange.PathChange p && p.section() == StageChange.Section.OUTS) {
                    why.add(p.path() + " " + p.state());
                    switch (p.state()) {
                        case MODIFIED -> modified.add(p.path());
                        case NOT_IN_CACHE -> notInCache = true;
                        case NOT_IN_LOCK -> repro.add(s.addressing());
                        default -> deleted = true;
                    }
                } else {
                    deps.add(describe(c));
                    repro.add(s.addressing());
                }
            }
            if (!deps.isEmpty()) {
                why.add(0, "changed deps (" + String.join(", ", deps) + ")");
            }
            sb.append("\n  ").append(s.addressing()).append(": ").append(String.join("; ", why));
        }
        sb.append("\n  Fix:");
        if (!repro.isEmpty()) {
            sb.append("\n    ")
                    .append(GoalHints.SHORT)
                    .append("repro -Ddvc.targets=")
                    .append(String.join(",", repro))
                    .append("   (rerun what changed, then commit dvc.lock)");
        }
        if (!recommit.isEmpty()) {
            sb.append("\n    ")
                    .append(GoalHints.SHORT)
                    .append("commit -Ddvc.targets=")
                    .append(String.join(",", recommit))
                    .append(
                            " -Ddvc.force=true   (records in dvc.lock the deps, outs and params dvc.yaml declares now)");
        }
        if (!orphans.isEmpty()) {
            sb.append("\n    ")
                    .append(GoalHints.SHORT)
                    .append("remove -Ddvc.targets=")
                    .append(String.join(",", orphans))
                    .append("   (drops the lock entries of stages dvc.yaml no longer has)");
        }
        if (!modified.isEmpty()) {
            sb.append("\n    ")
                    .append(GoalHints.SHORT)
                    .append("commit -Ddvc.targets=")
                    .append(String.join(",", modified))
                    .append(" -Ddvc.force=true   (keep the modified data)  or  ")
                    .append(GoalHints.SHORT)
                    .append("checkout -Ddvc.force=true (discard it)");
        }
        if (deleted) {
            sb.append("\n    ").append(GoalHints.SHORT).append("checkout   (restore deleted outputs from the cache)");
        }
        if (notInCache) {
            sb.append("\n    ").append(GoalHints.SHORT).append("pull   (fetch what the cache lacks from the remote)");
        }
        sb.append("\n  -Ddvc.failOnStale=false only reports; -Ddvc.status.skip=true skips the check.");
        return sb.toString();
    }

    private static boolean isUndeclared(StageChange c) {
        if (c instanceof StageChange.PathChange p) {
            return p.state() == PathState.NOT_IN_DVC_YAML;
        }
        return c instanceof StageChange.ParamsChange p
                && (p.state() == PathState.NOT_IN_DVC_YAML
                        || (!p.keys().isEmpty()
                                && p.keys().values().stream().allMatch(v -> v == PathState.NOT_IN_DVC_YAML)));
    }

    private static String describe(StageChange c) {
        if (c instanceof StageChange.PathChange p) {
            return p.state() == PathState.NOT_IN_DVC_YAML
                    ? (p.section() == StageChange.Section.DEPS ? "dep " : "out ") + p.path()
                            + " recorded in dvc.lock but" + " not declared in dvc.yaml"
                    : p.path() + " " + p.state();
        }
        StageChange.ParamsChange p = (StageChange.ParamsChange) c;
        if (p.keys().isEmpty()) {
            return p.state() == PathState.NOT_IN_DVC_YAML
                    ? "params of " + p.file() + " recorded in dvc.lock but" + " not declared in dvc.yaml"
                    : p.file() + " " + p.state();
        }
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, PathState> k : p.keys().entrySet()) {
            keys.add(k.getKey() + " "
                    + (k.getValue() == PathState.NOT_IN_DVC_YAML
                            ? "recorded in dvc.lock but not declared in dvc.yaml"
                            : k.getValue()));
        }
        return p.file() + ": " + String.join(", ", keys);
    }

    /**
     * The one line telling what a status allowed to miss data did not find here and how it checked it;
     * null when nothing was missing.
     */
    static List<String> missingData(MissingData m) {
        List<String> lines = new ArrayList<>();
        if (m.outputs() > 0 || m.depsProvenByLock() > 0) {
            List<String> parts = new ArrayList<>();
            if (m.outputs() > 0) {
                parts.add(m.outputs() + " output" + (m.outputs() == 1 ? "" : "s")
                        + (m.outputBytes() > 0 ? " (" + HumanBytes.of(m.outputBytes()) + ")" : ""));
            }
            if (m.depsProvenByLock() > 0) {
                parts.add(m.depsProvenByLock() + " dependenc" + (m.depsProvenByLock() == 1 ? "y" : "ies")
                        + " proven by the hashes their stages and .dvc files record");
            }
            lines.add("Not in this checkout, checked against dvc.lock and the .dvc files instead of byte for byte: "
                    + String.join(", ", parts) + ". `" + GoalHints.SHORT + "pull` brings the data for a byte-for-byte"
                    + " check.");
        }
        if (!m.depsUnchecked().isEmpty()) {
            List<String> names = m.depsUnchecked();
            lines.add(names.size() + " dependenc" + (names.size() == 1 ? "y" : "ies") + " could not be checked: not in"
                    + " this checkout, and no stage or .dvc file here records " + (names.size() == 1 ? "it" : "them")
                    + " (or the directory manifest that would is not in the cache; -Ddvc.cloud=true reads it from the remote): "
                    + String.join(", ", names.subList(0, Math.min(5, names.size())))
                    + (names.size() > 5 ? ", ..." : ""));
        }
        return lines;
    }
}
