package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.repo.StatusReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The build-failure text for a stale repository: each stage or pointer with why it is stale, then the
 * commands that fix it. Which command fits follows from dvc's status words: changed deps, params or
 * command mean the stage must rerun; modified outputs are either committed or restored; deleted
 * outputs come back from the cache, or from the remote when the cache lacks them.
 */
final class StaleReport {
    private StaleReport() {}

    static String describe(StatusReport report) {
        StringBuilder sb = new StringBuilder("dvc status: " + report.stages().size() + " stage(s) or tracked file(s)"
                + " are not up to date:");
        TreeSet<String> repro = new TreeSet<>();
        TreeSet<String> modified = new TreeSet<>();
        boolean deleted = false;
        boolean notInCache = false;
        for (Map.Entry<String, List<Object>> e : report.stages().entrySet()) {
            String stage = e.getKey();
            List<String> why = new ArrayList<>();
            for (Object item : e.getValue()) {
                if (item instanceof String s) {
                    why.add(s);
                    repro.add(stage);
                } else if (item instanceof Map<?, ?> m) {
                    for (Map.Entry<?, ?> change : m.entrySet()) {
                        String kind = String.valueOf(change.getKey());
                        if (kind.equals("changed outs") && change.getValue() instanceof Map<?, ?> outs) {
                            for (Map.Entry<?, ?> o : outs.entrySet()) {
                                String state = String.valueOf(o.getValue());
                                why.add(o.getKey() + " " + state);
                                if (state.equals("modified")) {
                                    modified.add(String.valueOf(o.getKey()));
                                } else if (state.equals("not in cache")) {
                                    notInCache = true;
                                } else {
                                    deleted = true;
                                }
                            }
                        } else {
                            why.add(kind + describeChanges(change.getValue()));
                            repro.add(stage);
                        }
                    }
                }
            }
            sb.append("\n  ").append(stage).append(": ").append(String.join("; ", why));
        }
        sb.append("\n  Fix:");
        if (!repro.isEmpty()) {
            sb.append("\n    mvn dvc:repro -Ddvc.targets=").append(String.join(",", repro))
                    .append("   (rerun what changed, then commit dvc.lock)");
        }
        if (!modified.isEmpty()) {
            sb.append("\n    mvn dvc:commit -Ddvc.targets=").append(String.join(",", modified))
                    .append("   (keep the modified data)  or  mvn dvc:checkout -Ddvc.force=true (discard it)");
        }
        if (deleted) {
            sb.append("\n    mvn dvc:checkout   (restore deleted outputs from the cache)");
        }
        if (notInCache) {
            sb.append("\n    mvn dvc:pull   (fetch what the cache lacks from the remote)");
        }
        sb.append("\n  -Ddvc.failOnStale=false only reports; -Ddvc.status.skip=true skips the check.");
        return sb.toString();
    }

    private static String describeChanges(Object value) {
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, v) -> parts.add(k + (v instanceof String s ? " " + s : "")));
            return " (" + String.join(", ", parts) + ")";
        }
        return "";
    }
}
