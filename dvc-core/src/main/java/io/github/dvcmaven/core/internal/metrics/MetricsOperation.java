package io.github.dvcmaven.core.internal.metrics;

import io.github.dvcmaven.core.api.DiffReport;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.MetricsReport;
import io.github.dvcmaven.core.internal.format.DvcYamlFormat;
import io.github.dvcmaven.core.internal.format.params.ParamsFiles;
import io.github.dvcmaven.core.internal.fs.DvcIgnore;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.ParamsDep;
import io.github.dvcmaven.core.internal.pipeline.PipelineStage;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import io.github.dvcmaven.core.internal.revision.RevisionFiles;
import io.github.dvcmaven.core.internal.revision.RevisionSnapshot;
import io.github.dvcmaven.core.internal.status.ParamsReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * metrics show/diff and params diff at any revision: the metrics files dvc.yaml names (stage metrics
 * and top-level ones) and the params the stages use, read from the revision's snapshot, and for
 * metrics that are cached outputs from the cache by the hash that revision's dvc.lock records,
 * fetched from the remote when the cache lacks them.
 */
public final class MetricsOperation {
    private final RepoContext repo;
    private final RevisionFiles files;

    public MetricsOperation(RepoContext repo) {
        this.repo = repo;
        this.files = new RevisionFiles(repo);
    }

    public MetricsReport show(String rev) {
        try (RevisionSnapshot snap = RevisionSnapshot.of(repo, rev)) {
            return read(snap);
        }
    }

    public DiffReport metricsDiff(String a, String b, boolean all) {
        try (RevisionSnapshot sa = RevisionSnapshot.of(repo, a);
                RevisionSnapshot sb = RevisionSnapshot.of(repo, b)) {
            MetricsReport ra = read(sa);
            MetricsReport rb = read(sb);
            List<String> failed = new ArrayList<>();
            if (!ra.errors().isEmpty()) {
                failed.add(sa.name());
            }
            if (!rb.errors().isEmpty()) {
                failed.add(sb.name());
            }
            return DiffReport.compute(
                    DiffReport.Subject.METRICS, sa.name(), sb.name(), ra.data(), rb.data(), all, failed);
        }
    }

    public DiffReport paramsDiff(String a, String b, boolean all) {
        try (RevisionSnapshot sa = RevisionSnapshot.of(repo, a);
                RevisionSnapshot sb = RevisionSnapshot.of(repo, b)) {
            return DiffReport.compute(
                    DiffReport.Subject.PARAMS, sa.name(), sb.name(), params(sa), params(sb), all, List.of());
        }
    }

    private StageIndex index(RevisionSnapshot snap) {
        return snap.isWorkspace()
                ? repo.index()
                : StageIndex.load(snap.root(), new DvcIgnore(snap.root()), repo.config());
    }

    private MetricsReport read(RevisionSnapshot snap) {
        StageIndex index = index(snap);
        Map<String, Output> cachedMetrics = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        for (PipelineStage s : index.pipelineStages()) {
            for (Output o : s.outs()) {
                if (o.kind() == Output.Kind.METRIC) {
                    paths.add(o.repoPath());
                    cachedMetrics.put(o.repoPath(), StageIndex.withLock(o, index.lockEntry(s)));
                }
            }
        }
        for (DvcYamlFormat.PipelineFile pf : index.pipelines()) {
            String dir = RepoPaths.parent(pf.path());
            for (Object m : pf.metrics()) {
                String p = RepoPaths.join(dir, String.valueOf(m));
                if (p != null && !paths.contains(p)) {
                    paths.add(p);
                }
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String p : paths) {
            String display = repo.display(p);
            try {
                byte[] bytes = files.read(snap, p, cachedMetrics.get(p));
                Object parsed = parse(new String(bytes, StandardCharsets.UTF_8), p);
                Object extracted = MetricValues.extractMetrics(parsed);
                data.put(display, extracted == null ? Map.of() : extracted);
            } catch (DvcException | IOException e) {
                errors.put(display, e.getMessage());
            }
        }
        return new MetricsReport(snap.name(), data, errors);
    }

    private static Object parse(String text, String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".tsv")) {
            return table(text, lower.endsWith(".tsv") ? '\t' : ',');
        }
        return ParamsFiles.parse(text, path, extension(lower));
    }

    private static String extension(String lower) {
        int slash = lower.lastIndexOf('/');
        int dot = lower.lastIndexOf('.');
        return dot > slash ? lower.substring(dot) : "";
    }

    /** A CSV/TSV metrics file: a header row and a row of values (the last one when there are several). */
    private static Object table(String text, char sep) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2) {
            return Map.of();
        }
        String[] header = lines.get(0).split(Pattern.quote(String.valueOf(sep)), -1);
        String[] values = lines.get(lines.size() - 1).split(Pattern.quote(String.valueOf(sep)), -1);
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < header.length && i < values.length; i++) {
            out.put(header[i].trim(), number(values[i].trim()));
        }
        return out;
    }

    private static Object number(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e2) {
                return s;
            }
        }
    }

    /** file → its params as the stages use them (whole files for top-level params and bare file entries). */
    private Map<String, Object> params(RevisionSnapshot snap) {
        StageIndex index = index(snap);
        ParamsReader reader = new ParamsReader(snap.root());
        Map<String, Object> out = new LinkedHashMap<>();
        for (PipelineStage s : index.pipelineStages()) {
            for (ParamsDep p : s.params()) {
                if (reader.exists(p)) {
                    merge(out, repo.display(p.repoPath()), reader.values(p));
                }
            }
        }
        // like dvc, the default params file counts whole whenever it exists
        ParamsDep defaults = new ParamsDep(ParamsDep.DEFAULT_FILE, ParamsDep.DEFAULT_FILE, List.of());
        if (reader.exists(defaults)) {
            merge(out, repo.display(ParamsDep.DEFAULT_FILE), reader.values(defaults));
        }
        for (DvcYamlFormat.PipelineFile pf : index.pipelines()) {
            String dir = RepoPaths.parent(pf.path());
            for (Object entry : pf.params()) {
                if (entry instanceof String file) {
                    String p = RepoPaths.join(dir, file);
                    ParamsDep whole = new ParamsDep(file, p, List.of());
                    if (p != null && reader.exists(whole)) {
                        merge(out, repo.display(p), reader.values(whole));
                    }
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> out, String file, Map<String, Object> values) {
        Map<String, Object> existing =
                (Map<String, Object>) out.computeIfAbsent(file, k -> new LinkedHashMap<String, Object>());
        existing.putAll(values);
    }
}
