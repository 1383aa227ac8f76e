package io.github.dvcmaven.core.internal.metrics;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.format.DvcYamlFormat;
import io.github.dvcmaven.core.internal.format.params.ParamsFiles;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.params.ParamsReader;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.ParamsDep;
import io.github.dvcmaven.core.internal.pipeline.PipelineStage;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The metrics and params of one revision by file (repository paths), as dvc's {@code metrics show} and
 * {@code params show} collect them, and merged into one mapping as {@code dvc.api} returns them.
 */
public final class RevisionMetrics {
    private RevisionMetrics() {}

    /** How a metrics file's bytes are read: from the revision, or for a cached output from a cache or remote. */
    @FunctionalInterface
    public interface Bytes {
        byte[] read(String repoPath, Output cached) throws IOException;
    }

    /**
     * file → its metrics: the files named by {@code targets}, or (none given) the stages' metrics and
     * dvc.yaml's top-level ones; a file that cannot be read goes to {@code errors}.
     */
    public static Map<String, Object> metrics(
            StageIndex index, List<String> targets, Bytes bytes, Map<String, String> errors) {
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
        if (!targets.isEmpty()) {
            paths = targets;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (String p : paths) {
            try {
                byte[] b = bytes.read(p, cachedMetrics.get(p));
                Object parsed = parse(new String(b, StandardCharsets.UTF_8), p);
                Object extracted = MetricValues.extractMetrics(parsed);
                data.put(p, extracted == null ? Map.of() : extracted);
            } catch (DvcException | IOException e) {
                errors.put(p, e.getMessage());
            }
        }
        return data;
    }

    /**
     * file → its params: the files named by {@code targets} whole; else the keys the stages use, and
     * unless {@code depsOnly} the default params file and dvc.yaml's top-level params files whole.
     */
    public static Map<String, Object> params(StageIndex index, Path root, boolean depsOnly, List<String> targets) {
        return params(index, root, depsOnly, targets, false);
    }

    /**
     * As {@link #params(StageIndex, Path, boolean, List)}; {@code nested}: a tracked key such as {@code
     * train.epochs} as {@code {train: {epochs: ...}}}, as dvc.api gives it, instead of under its dotted name.
     */
    public static Map<String, Object> params(
            StageIndex index, Path root, boolean depsOnly, List<String> targets, boolean nested) {
        ParamsReader reader = new ParamsReader(root);
        Map<String, Object> out = new LinkedHashMap<>();
        if (!targets.isEmpty()) {
            for (String t : targets) {
                ParamsDep whole = new ParamsDep(t, t, List.of());
                if (!reader.exists(whole)) {
                    throw new DvcException("params file '" + t + "' does not exist at this revision");
                }
                merge(out, t, reader.values(whole));
            }
            return out;
        }
        for (PipelineStage s : index.pipelineStages()) {
            for (ParamsDep p : s.params()) {
                if (reader.exists(p)) {
                    Map<String, Object> values = reader.values(p);
                    merge(out, p.repoPath(), nested && !p.wholeFile() ? nest(values) : values);
                }
            }
        }
        if (depsOnly) {
            return out;
        }
        // like dvc, the default params file counts whole whenever it exists
        ParamsDep defaults = new ParamsDep(ParamsDep.DEFAULT_FILE, ParamsDep.DEFAULT_FILE, List.of());
        if (reader.exists(defaults)) {
            merge(out, ParamsDep.DEFAULT_FILE, reader.values(defaults));
        }
        for (DvcYamlFormat.PipelineFile pf : index.pipelines()) {
            String dir = RepoPaths.parent(pf.path());
            for (Object entry : pf.params()) {
                if (entry instanceof String file) {
                    String p = RepoPaths.join(dir, file);
                    ParamsDep whole = new ParamsDep(file, p, List.of());
                    if (p != null && reader.exists(whole)) {
                        merge(out, p, reader.values(whole));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The files' mappings as one, as {@code dvc.api} merges them: a top-level key more than one file has
     * becomes {@code file:key}.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> merged(Map<String, Object> byFile) {
        Map<String, Integer> counts = new HashMap<>();
        for (Object data : byFile.values()) {
            if (data instanceof Map<?, ?> m) {
                for (Object k : m.keySet()) {
                    counts.merge(String.valueOf(k), 1, Integer::sum);
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> f : byFile.entrySet()) {
            if (f.getValue() instanceof Map<?, ?> m) {
                for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                    out.put(counts.get(e.getKey()) == 1 ? e.getKey() : f.getKey() + ":" + e.getKey(), e.getValue());
                }
            }
        }
        return out;
    }

    static Object parse(String text, String path) {
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

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> out, String file, Map<String, Object> values) {
        Map<String, Object> existing =
                (Map<String, Object>) out.computeIfAbsent(file, k -> new LinkedHashMap<String, Object>());
        deepMerge(existing, values);
    }

    /** Tracked keys by dotted path as the nested mapping they name. */
    private static Map<String, Object> nest(Map<String, Object> byKey) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : byKey.entrySet()) {
            String[] parts = e.getKey().split("\\.");
            Map<String, Object> at = out;
            for (int i = 0; i < parts.length - 1; i++) {
                at = child(at, parts[i]);
            }
            deepMerge(at, Map.of(parts[parts.length - 1], e.getValue()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> at, String key) {
        Object existing = at.get(key);
        if (existing instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        at.put(key, created);
        return created;
    }

    /** Mappings merged key by key, so a whole file and some of its tracked keys give the file once. */
    @SuppressWarnings("unchecked")
    private static void deepMerge(Map<String, Object> into, Map<String, Object> values) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object mine = into.get(e.getKey());
            if (mine instanceof Map<?, ?> && e.getValue() instanceof Map<?, ?> theirs) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) mine);
                deepMerge(copy, (Map<String, Object>) theirs);
                into.put(e.getKey(), copy);
            } else {
                into.put(e.getKey(), e.getValue());
            }
        }
    }
}
