package io.github.dvcmaven.core.internal.plots;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.PlotsReport;
import io.github.dvcmaven.core.api.RenderedPlot;
import io.github.dvcmaven.core.api.RepoListener.Level;
import io.github.dvcmaven.core.internal.format.DvcYamlFormat;
import io.github.dvcmaven.core.internal.fs.DvcIgnore;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.PipelineStage;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import io.github.dvcmaven.core.internal.revision.RevisionFiles;
import io.github.dvcmaven.core.internal.revision.RevisionSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dvc plots show/diff: the plots dvc.yaml defines (top-level entries and stage plots outputs) at each
 * revision, their data read as that revision has it (git, or the cache by its lock), rendered with
 * the plot's template. A plot that cannot be read at some revision is reported, not fatal.
 */
public final class PlotsOperation {
    private final RepoContext repo;
    private final RevisionFiles files;

    public PlotsOperation(RepoContext repo) {
        this.repo = repo;
        this.files = new RevisionFiles(repo);
    }

    public PlotsReport plots(List<String> revs, List<String> targets) {
        List<RevisionSnapshot> snaps = new ArrayList<>();
        try {
            for (String rev : revs) {
                snaps.add(RevisionSnapshot.of(repo, rev));
            }
            return render(snaps, targets);
        } finally {
            snaps.forEach(RevisionSnapshot::close);
        }
    }

    private PlotsReport render(List<RevisionSnapshot> snaps, List<String> targets) {
        Map<String, PlotDefinition> defs = new LinkedHashMap<>();
        Map<String, Map<String, Output>> outputsByRev = new HashMap<>();
        List<String> errors = new ArrayList<>();
        List<String> names = snaps.stream().map(RevisionSnapshot::name).toList();
        for (RevisionSnapshot snap : snaps) {
            StageIndex index = snap.isWorkspace()
                    ? repo.index()
                    : StageIndex.load(snap.root(), new DvcIgnore(snap.root()), repo.config());
            Map<String, Output> outputs = outputs(index);
            outputsByRev.put(snap.name(), outputs);
            for (PlotDefinition d : definitions(index)) {
                for (PlotDefinition e : expandDirectory(d, snap, outputs.get(d.file()), errors)) {
                    defs.putIfAbsent(e.id(), e);
                }
            }
        }
        Map<String, List<Map<String, Object>>> rowsCache = new HashMap<>();
        List<RenderedPlot> plots = new ArrayList<>();
        for (PlotDefinition def : defs.values()) {
            if (!targets.isEmpty() && targets.stream().noneMatch(t -> matches(def, t))) {
                continue;
            }
            try {
                if (def.isImage()) {
                    List<RenderedPlot.Image> images = new ArrayList<>();
                    for (RevisionSnapshot snap : snaps) {
                        byte[] bytes = readOrNull(snap, def.file(), outputsByRev.get(snap.name()), errors);
                        if (bytes != null) {
                            images.add(new RenderedPlot.Image(snap.name(), PlotFiles.mimeType(def.file()), bytes));
                        }
                    }
                    if (!images.isEmpty()) {
                        plots.add(RenderedPlot.images(def.id(), images));
                    }
                } else {
                    Object template = Templates.load(def.template(), repo.root());
                    Map<String, Object> spec = VegaPlot.spec(
                            def,
                            names,
                            (rev, file) -> rows(snaps, rev, file, outputsByRev.get(rev), rowsCache, errors),
                            template);
                    if (spec != null) {
                        plots.add(RenderedPlot.vega(def.id(), names, spec));
                    }
                }
            } catch (DvcException e) {
                errors.add(def.id() + ": " + e.getMessage());
            }
        }
        errors.forEach(e -> repo.listener().log(Level.WARN, e));
        return new PlotsReport(names, plots, errors);
    }

    private static boolean matches(PlotDefinition def, String target) {
        String t = target.replace('\\', '/');
        return def.id().equals(t) || def.files().contains(t) || RepoPaths.isWithin(def.id(), t);
    }

    private List<Map<String, Object>> rows(
            List<RevisionSnapshot> snaps,
            String rev,
            String file,
            Map<String, Output> outputs,
            Map<String, List<Map<String, Object>>> cache,
            List<String> errors) {
        String key = rev + "\0" + file;
        if (cache.containsKey(key)) {
            return cache.get(key);
        }
        RevisionSnapshot snap =
                snaps.stream().filter(s -> s.name().equals(rev)).findFirst().orElseThrow();
        byte[] bytes = readOrNull(snap, file, outputs, errors);
        List<Map<String, Object>> rows = null;
        if (bytes != null) {
            try {
                rows = PlotFiles.rows(bytes, file);
            } catch (DvcException e) {
                errors.add(file + " at " + rev + ": " + e.getMessage());
            }
        }
        cache.put(key, rows);
        return rows;
    }

    private byte[] readOrNull(RevisionSnapshot snap, String file, Map<String, Output> outputs, List<String> errors) {
        try {
            return files.read(snap, file, outputs.get(file));
        } catch (DvcException | IOException e) {
            errors.add(file + " at " + snap.name() + ": " + e.getMessage());
            return null;
        }
    }

    /** Every output path of the revision → the output with that revision's lock hash. */
    private static Map<String, Output> outputs(StageIndex index) {
        Map<String, Output> out = new HashMap<>();
        for (PipelineStage s : index.pipelineStages()) {
            for (Output o : s.outs()) {
                out.put(o.repoPath(), StageIndex.withLock(o, index.lockEntry(s)));
            }
        }
        for (DvcFileStage f : index.dvcFiles()) {
            f.outs().forEach(o -> out.put(o.repoPath(), o));
        }
        return out;
    }

    private List<PlotDefinition> expandDirectory(
            PlotDefinition d, RevisionSnapshot snap, Output out, List<String> errors) {
        if (d.file() == null || d.y() != null || PlotFiles.isImage(d.file()) || PlotFiles.isData(d.file())) {
            return List.of(d);
        }
        try {
            List<String> inside = files.listDir(snap, d.file(), out);
            if (inside.isEmpty()) {
                return List.of(d);
            }
            return inside.stream()
                    .filter(f -> PlotFiles.isImage(f) || PlotFiles.isData(f))
                    .map(f -> new PlotDefinition(f, f, d.x(), null, d.props()))
                    .toList();
        } catch (DvcException | IOException e) {
            errors.add(d.file() + " at " + snap.name() + ": " + e.getMessage());
            return List.of();
        }
    }

    /** Top-level plots entries first (as dvc lists them), then the stages' plots outputs. */
    private static List<PlotDefinition> definitions(StageIndex index) {
        List<PlotDefinition> out = new ArrayList<>();
        for (DvcYamlFormat.PipelineFile pf : index.pipelines()) {
            String dir = RepoPaths.parent(pf.path());
            for (Object entry : pf.plots()) {
                if (entry instanceof Map<?, ?> named) {
                    named.forEach((k, v) -> out.add(named(dir, String.valueOf(k), v)));
                } else if (entry != null) {
                    String p = RepoPaths.join(dir, String.valueOf(entry));
                    out.add(new PlotDefinition(p, p, null, null, Map.of()));
                }
            }
        }
        for (PipelineStage s : index.pipelineStages()) {
            for (Output o : s.outs()) {
                if (o.kind() == Output.Kind.PLOT) {
                    Map<String, Object> props = props(o.annotations().get("plot"));
                    out.add(new PlotDefinition(o.repoPath(), o.repoPath(), props.get("x"), props.get("y"), props));
                }
            }
        }
        return out;
    }

    private static PlotDefinition named(String dir, String id, Object value) {
        Map<String, Object> props = props(value);
        Object y = props.get("y");
        Object x = props.get("x");
        if (y instanceof Map<?, ?> files) {
            y = rebase(dir, files);
        }
        if (x instanceof Map<?, ?> files) {
            x = rebase(dir, files);
        }
        boolean named = y instanceof Map<?, ?>;
        String file = named ? null : RepoPaths.join(dir, id);
        return new PlotDefinition(named ? id : file, file, x, y, props);
    }

    private static Map<String, Object> rebase(String dir, Map<?, ?> files) {
        Map<String, Object> out = new LinkedHashMap<>();
        files.forEach((f, v) -> out.put(RepoPaths.join(dir, String.valueOf(f)), v));
        return out;
    }

    private static Map<String, Object> props(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }
}
