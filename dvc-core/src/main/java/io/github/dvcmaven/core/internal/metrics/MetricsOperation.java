package io.github.dvcmaven.core.internal.metrics;

import io.github.dvcmaven.core.api.DiffReport;
import io.github.dvcmaven.core.api.MetricsReport;
import io.github.dvcmaven.core.internal.fs.DvcIgnore;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import io.github.dvcmaven.core.internal.revision.RevisionFiles;
import io.github.dvcmaven.core.internal.revision.RevisionSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, Object> byPath =
                RevisionMetrics.metrics(index(snap), List.of(), (p, cached) -> files.read(snap, p, cached), failures);
        Map<String, Object> data = new LinkedHashMap<>();
        byPath.forEach((p, v) -> data.put(repo.display(p), v));
        Map<String, String> errors = new LinkedHashMap<>();
        failures.forEach((p, e) -> errors.put(repo.display(p), e));
        return new MetricsReport(snap.name(), data, errors);
    }

    /** file → its params as the stages use them (whole files for top-level params and bare file entries). */
    private Map<String, Object> params(RevisionSnapshot snap) {
        Map<String, Object> out = new LinkedHashMap<>();
        RevisionMetrics.params(index(snap), snap.root(), false, List.of())
                .forEach((p, v) -> out.put(repo.display(p), v));
        return out;
    }
}
