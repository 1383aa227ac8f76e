package io.github.dvcmaven.core.internal.render;

import io.github.dvcmaven.core.api.CheckoutResult;
import io.github.dvcmaven.core.api.CloudStatus;
import io.github.dvcmaven.core.api.DataChange;
import io.github.dvcmaven.core.api.DataDiff;
import io.github.dvcmaven.core.api.DataStatus;
import io.github.dvcmaven.core.api.DiffReport;
import io.github.dvcmaven.core.api.MetricsReport;
import io.github.dvcmaven.core.api.PlainTable;
import io.github.dvcmaven.core.api.RenderOptions;
import io.github.dvcmaven.core.api.RepoListing;
import io.github.dvcmaven.core.api.Report;
import io.github.dvcmaven.core.api.StatusReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** dvc's text output of each report, line by line. */
public final class TextRendering {
    private static final Map<String, String> DATA_LABELS = Map.of(
            "not_in_remote", "Not in remote",
            "not_in_cache", "Not in cache",
            "committed", "DVC committed changes",
            "uncommitted", "DVC uncommitted changes",
            "untracked", "Untracked files",
            "unchanged", "DVC unchanged files");
    private static final Map<String, List<String>> DATA_HINTS = Map.of(
            "not_in_remote", List.of("use \"dvc push <file>...\" to upload files"),
            "not_in_cache", List.of("use \"dvc fetch <file>...\" to download files"),
            "committed", List.of("git commit the corresponding dvc files to update the repo"),
            "uncommitted",
                    List.of(
                            "use \"dvc commit <file>...\" to track changes",
                            "use \"dvc checkout <file>...\" to discard changes"),
            "untracked", List.of("use \"git add <file> ...\" or \"dvc add <file>...\" to commit to git or to dvc"));

    private TextRendering() {}

    public static List<String> lines(Report report, RenderOptions options) {
        if (report instanceof StatusReport r) {
            return status(r);
        }
        if (report instanceof DataDiff r) {
            return diff(r, options.showHash());
        }
        if (report instanceof DataStatus r) {
            return dataStatus(r);
        }
        if (report instanceof CloudStatus r) {
            return cloudStatus(r);
        }
        if (report instanceof CheckoutResult r) {
            return checkout(r);
        }
        if (report instanceof RepoListing r) {
            return ListingRendering.lines(r);
        }
        if (report instanceof MetricsReport || report instanceof DiffReport) {
            PlainTable t = ReportTables.table(report, options.precision());
            return t.isEmpty() ? List.of() : t.plain();
        }
        throw new IllegalArgumentException(
                "no text rendering for " + report.getClass().getSimpleName());
    }

    private static List<String> status(StatusReport report) {
        List<String> out = new ArrayList<>();
        if (report.isClean()) {
            out.add(report.projectEmpty() ? StatusReport.EMPTY_PROJECT : StatusReport.UP_TO_DATE);
            return out;
        }
        show(StatusStructure.stages(report), 0, out);
        return out;
    }

    /** dvc's {@code CmdDataStatus._show}: strings as they are, maps as "key:" and their values indented. */
    private static void show(Object status, int indent, List<String> out) {
        String ind = "\t".repeat(indent);
        if (status instanceof String s) {
            out.add(ind + s);
        } else if (status instanceof List<?> list) {
            for (Object entry : list) {
                show(entry, indent, out);
            }
        } else if (status instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() instanceof String value) {
                    out.add(ind + pad(value) + e.getKey());
                } else if (e.getValue() != null
                        && !(e.getValue() instanceof Map<?, ?> m && m.isEmpty())
                        && !(e.getValue() instanceof List<?> l && l.isEmpty())) {
                    out.add(ind + e.getKey() + ":");
                    show(e.getValue(), indent + 1, out);
                }
            }
        }
    }

    private static String pad(String status) {
        String s = status + ":";
        return s + " ".repeat(Math.max(0, 20 - s.length()));
    }

    /** {@code dvc status -c}: each object not in both places, then nothing, or the in-sync line. */
    private static List<String> cloudStatus(CloudStatus st) {
        List<String> out = new ArrayList<>();
        for (CloudStatus.Entry e : st.entries()) {
            if (e.state() != null) {
                out.add("\t" + pad(e.state().text()) + e.name());
            }
        }
        if (out.isEmpty()) {
            out.add("Cache and remote '" + String.join("', '", st.remotes()) + "' are in sync.");
        }
        return out;
    }

    /** dvc's diff text: a group per kind, then the file counts (directories not counted). */
    private static List<String> diff(DataDiff diff, boolean showHash) {
        List<String> out = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (DataChange.Kind kind : DiffShape.kinds(diff)) {
            List<DataChange> list = diff.changes(kind);
            if (list.isEmpty()) {
                continue;
            }
            out.add(Character.toUpperCase(kind.text().charAt(0)) + kind.text().substring(1) + ":");
            int files = 0;
            for (DataChange c : list) {
                String hash = showHash ? DiffShape.digest(c) : "";
                out.add("    " + hash + (hash.isEmpty() ? "" : "  ") + DiffShape.shown(c));
                files += DiffShape.shown(c).endsWith("/") ? 0 : 1;
            }
            out.add("");
            if (files > 0) {
                summary.add(files + " " + kind.text());
            }
        }
        if (!summary.isEmpty()) {
            out.add("files summary: " + String.join(", ", summary));
        }
        return out;
    }

    /** dvc's data status text: a section per kind with its hints, each path indented by eight spaces. */
    private static List<String> dataStatus(DataStatus st) {
        List<String> out = new ArrayList<>();
        Map<String, Object> sections = StatusStructure.dataSections(st);
        if (sections.isEmpty()) {
            out.add("No changes" + (st.gitEmpty() ? " in an empty git repo" : "") + ".");
        }
        boolean first = true;
        for (Map.Entry<String, Object> e : sections.entrySet()) {
            if (!first) {
                out.add("");
            }
            first = false;
            out.add(DATA_LABELS.get(e.getKey()) + ":");
            DATA_HINTS.getOrDefault(e.getKey(), List.of()).forEach(h -> out.add("  (" + h + ")"));
            List<String> items = new ArrayList<>();
            if (e.getValue() instanceof Map<?, ?> byKind) {
                byKind.forEach((kind, changes) -> {
                    for (Object o : (List<?>) changes) {
                        DataChange c = (DataChange) o;
                        items.add(((DataChange.Kind) kind).text() + ": "
                                + (c.newPath() != null ? c.path() + " -> " + c.newPath() : c.path()));
                    }
                });
            } else {
                ((List<?>) e.getValue()).forEach(i -> items.add(String.valueOf(i)));
            }
            items.forEach(i -> out.add("        " + i));
        }
        if (st.gitDirty()) {
            out.add("(there are " + (sections.isEmpty() ? "" : "other ")
                    + "changes not tracked by dvc, use \"git status\" to see)");
        }
        return out;
    }

    /**
     * {@code dvc checkout}: a line per changed output; {@code dvc pull}: those of modified and added
     * outputs, then "3 files fetched and 2 files added" (or "Everything is up to date.").
     */
    private static List<String> checkout(CheckoutResult r) {
        List<String> out = new ArrayList<>();
        for (DataChange c : r.changes()) {
            // dvc pull lists no deletions
            if (!(r.pulled() && c.kind() == DataChange.Kind.DELETED)) {
                out.add(c.kind().text().substring(0, 1).toUpperCase(Locale.ROOT) + "\t" + c.path());
            }
        }
        if (!r.pulled()) {
            return out;
        }
        List<String> parts = new ArrayList<>();
        count(parts, r.filesFetched(), "fetched");
        count(parts, r.filesModified(), "modified");
        count(parts, r.filesAdded(), "added");
        count(parts, r.filesDeleted(), "deleted");
        if (parts.isEmpty()) {
            out.add("Everything is up to date.");
        } else {
            out.add(
                    parts.size() == 1
                            ? parts.get(0)
                            : String.join(", ", parts.subList(0, parts.size() - 1)) + " and "
                                    + parts.get(parts.size() - 1));
        }
        return out;
    }

    private static void count(List<String> parts, int n, String state) {
        if (n > 0) {
            parts.add(n + " file" + (n > 1 ? "s" : "") + " " + state);
        }
    }
}
