package io.github.dvcmaven.core.internal.format;

import io.github.dvcmaven.core.internal.format.params.ParamsFiles;
import io.github.dvcmaven.core.internal.format.yaml.YamlDocument;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.ParamsDep;
import io.github.dvcmaven.core.internal.pipeline.PipelineStage;
import io.github.dvcmaven.core.internal.pipeline.TemplateContext;
import io.github.dvcmaven.core.internal.pipeline.TemplateContext.TemplateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that knows {@code dvc.yaml}: dvc's schema (unknown keys, wrong types and bad names are
 * errors naming the file, line and stage), {@code vars} and {@code ${}} interpolation, {@code foreach}
 * and {@code matrix} expansion, and the resulting stages with paths resolved against their wdir.
 */
public final class DvcYamlFormat {
    private static final Set<String> TOP_KEYS =
            Set.of("stages", "vars", "params", "metrics", "plots", "artifacts", "datasets");
    private static final Set<String> STAGE_KEYS = Set.of(
            "cmd",
            "wdir",
            "deps",
            "params",
            "outs",
            "metrics",
            "plots",
            "frozen",
            "always_changed",
            "desc",
            "meta",
            "vars",
            "matrix");
    private static final Set<String> OUT_FLAGS =
            Set.of("cache", "persist", "checkpoint", "remote", "push", "desc", "type", "labels", "meta");
    private static final Set<String> PLOT_PROPS = Set.of("template", "x", "y", "x_label", "y_label", "title", "header");

    /** A parsed dvc.yaml: its stages in file order plus the top-level metrics, params and plots sections. */
    public record PipelineFile(
            String path, List<PipelineStage> stages, List<Object> metrics, List<Object> params, List<Object> plots) {}

    private DvcYamlFormat() {}

    /**
     * Reads a dvc.yaml; {@code file} is its posix path from the repo root, {@code root} the repo root
     * (params and vars files are read relative to it).
     */
    public static PipelineFile read(YamlDocument doc, String file, Path root, Map<String, String> parsingConfig) {
        return new Reader(doc, file, root, parsingConfig).read();
    }

    /** Stages one foreach or matrix may generate: beyond it a few bytes of YAML would plan for hours. */
    public static final int MAX_GENERATED_STAGES = 10_000;

    private static final class Reader {
        final YamlDocument doc;
        final String file;
        final String dir;
        final Path root;
        final Map<String, String> parsing;

        Reader(YamlDocument doc, String file, Path root, Map<String, String> parsing) {
            this.doc = doc;
            this.file = file;
            this.dir = RepoPaths.parent(file);
            this.root = root;
            this.parsing = parsing;
        }

        FormatException error(Object container, Object key, String message) {
            return key == null ? doc.error(container, message) : doc.error(container, key, message);
        }

        @SuppressWarnings("unchecked")
        PipelineFile read() {
            Object rootValue = doc.root();
            if (rootValue == null) {
                return new PipelineFile(file, List.of(), List.of(), List.of(), List.of());
            }
            if (!(rootValue instanceof Map<?, ?> top)) {
                throw doc.error(rootValue, "dvc.yaml must be a mapping with 'stages'");
            }
            for (Object key : top.keySet()) {
                if (!TOP_KEYS.contains(String.valueOf(key))) {
                    throw error(
                            top,
                            key,
                            "unknown top-level key '" + key + "' (expected stages, vars, params, metrics, plots)");
                }
            }
            TemplateContext context = new TemplateContext();
            loadFile(context, ParamsDep.DEFAULT_FILE, dir, null, top, null, true);
            Object vars = top.get("vars");
            if (vars != null) {
                loadVars(context, vars, dir, top, "vars", "");
            }
            List<PipelineStage> stages = new ArrayList<>();
            Object stagesValue = top.get("stages");
            if (stagesValue != null) {
                if (!(stagesValue instanceof Map<?, ?> defs)) {
                    throw error(top, "stages", "'stages' must be a mapping of stage names to definitions");
                }
                for (Map.Entry<?, ?> e : defs.entrySet()) {
                    String name = String.valueOf(e.getKey());
                    checkName(defs, name);
                    if (!(e.getValue() instanceof Map<?, ?> def)) {
                        throw error(defs, name, "stage '" + name + "' must be a mapping with at least 'cmd'");
                    }
                    expand(context, name, (Map<String, Object>) def, stages);
                }
            }
            checkDuplicates(stages);
            return new PipelineFile(
                    file,
                    List.copyOf(stages),
                    topList(context, top, "metrics"),
                    topList(context, top, "params"),
                    topList(context, top, "plots"));
        }

        private List<Object> topList(TemplateContext context, Map<?, ?> top, String key) {
            Object v = top.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> list)) {
                throw error(top, key, "'" + key + "' must be a list");
            }
            try {
                return List.copyOf(nonNull((List<?>) context.resolve(list, key, parsing)));
            } catch (TemplateException ex) {
                throw error(top, key, "failed to resolve '" + key + "': " + ex.getMessage());
            }
        }

        private static List<Object> nonNull(List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(o == null ? "" : o);
            }
            return out;
        }

        private void checkName(Map<?, ?> defs, String name) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c != '_' && c != '-' && c < 128 && !Character.isLetterOrDigit(c)) {
                    throw error(
                            defs,
                            name,
                            "invalid stage name '" + name + "': only letters, digits, '_' and '-'"
                                    + " are allowed ('@' is reserved for foreach/matrix)");
                }
            }
        }

        /** Loads a params/vars file ("path" or "path:key1,key2") relative to {@code base} into the context. */
        private void loadFile(
                TemplateContext context,
                String item,
                String base,
                Object container,
                Object containerKey,
                String stage,
                boolean optionalDefault) {
            String path = item;
            List<String> keys = null;
            int colon = item.indexOf(':');
            if (colon > 0) {
                path = item.substring(0, colon);
                keys = new ArrayList<>();
                for (String k : item.substring(colon + 1).split(",")) {
                    if (!k.isBlank()) {
                        keys.add(k.trim());
                    }
                }
            }
            String repoPath = RepoPaths.join(base, path);
            Path abs = repoPath == null ? null : root.resolve(repoPath);
            if (abs == null || !Files.isRegularFile(abs)) {
                if (optionalDefault) {
                    return;
                }
                throw error(
                        container,
                        containerKey,
                        where(stage) + "'" + (repoPath == null ? path : repoPath) + "' does not exist");
            }
            try {
                if (context.alreadyImported(repoPath, keys)) {
                    return;
                }
                Object data = ParamsFiles.read(abs, repoPath);
                if (!(data instanceof Map<?, ?> map)) {
                    throw new TemplateException("expected a dictionary in file '" + repoPath + "'");
                }
                Map<Object, Object> selected = new LinkedHashMap<>();
                if (keys == null) {
                    selected.putAll(map);
                } else {
                    for (String k : keys) {
                        if (!map.containsKey(k)) {
                            throw new TemplateException("could not find '" + k + "' in '" + repoPath + "'");
                        }
                        selected.put(k, map.get(k));
                    }
                }
                context.merge(selected, repoPath);
                context.recordImport(repoPath, keys);
            } catch (TemplateException ex) {
                throw error(container, containerKey, where(stage) + ex.getMessage());
            }
        }

        private String where(String stage) {
            return stage == null ? "" : "stage '" + stage + "': ";
        }

        private void loadVars(
                TemplateContext context, Object vars, String base, Object container, Object key, String stage) {
            if (!(vars instanceof List<?> list)) {
                throw error(container, key, where(stage) + "'vars' must be a list of files or mappings");
            }
            if (TemplateContext.hasInterpolation(list)) {
                throw error(container, key, where(stage) + "interpolating is not allowed in 'vars'");
            }
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (item instanceof String s) {
                    loadFile(context, s, base, container, key, stage, false);
                } else if (item instanceof Map<?, ?> m) {
                    try {
                        context.merge(m, (stage == null || stage.isEmpty() ? "" : stage + ".") + "vars[" + i + "]");
                    } catch (TemplateException ex) {
                        throw error(list, null, where(stage) + ex.getMessage());
                    }
                } else {
                    throw error(list, null, where(stage) + "'vars' entries must be file names or mappings");
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void expand(TemplateContext context, String name, Map<String, Object> def, List<PipelineStage> out) {
            if (def.containsKey("foreach") || def.containsKey("do")) {
                if (!def.containsKey("foreach") || !def.containsKey("do") || def.size() != 2) {
                    throw error(def, null, "stage '" + name + "': 'foreach' needs exactly a 'do' beside it");
                }
                Object data;
                try {
                    data = context.resolve(def.get("foreach"), "foreach", parsing);
                } catch (TemplateException ex) {
                    throw error(def, "foreach", "failed to resolve 'stages." + name + ".foreach': " + ex.getMessage());
                }
                if (!(def.get("do") instanceof Map<?, ?> template)) {
                    throw error(def, "do", "stage '" + name + "': 'do' must be a stage definition");
                }
                Map<String, Map<String, Object>> members = new LinkedHashMap<>();
                if (data instanceof Map<?, ?> m) {
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        String k = TemplateContext.toStr(e.getKey(), parsing);
                        Map<String, Object> iteration = new LinkedHashMap<>();
                        iteration.put("item", e.getValue());
                        iteration.put("key", k);
                        members.put(k, iteration);
                    }
                } else if (data instanceof List<?> l) {
                    boolean composite = l.stream().anyMatch(v -> v instanceof Map || v instanceof List);
                    for (int i = 0; i < l.size(); i++) {
                        String k = composite ? String.valueOf(i) : TemplateContext.toStr(l.get(i), parsing);
                        Map<String, Object> iteration = new LinkedHashMap<>();
                        iteration.put("item", l.get(i));
                        members.put(k, iteration);
                    }
                } else {
                    throw error(
                            def,
                            "foreach",
                            "failed to resolve 'stages." + name + ".foreach': expected list/dictionary");
                }
                if (members.size() > MAX_GENERATED_STAGES) {
                    throw error(
                            def,
                            "foreach",
                            "stage '" + name + "': foreach makes " + members.size() + " stages, more than "
                                    + MAX_GENERATED_STAGES);
                }
                for (Map.Entry<String, Map<String, Object>> m : members.entrySet()) {
                    out.add(entry(context.withIteration(m.getValue()), name + "@" + m.getKey(), (Map<String, Object>)
                            template));
                }
                return;
            }
            if (def.containsKey("matrix")) {
                Object data;
                try {
                    data = context.resolve(def.get("matrix"), "matrix", parsing);
                } catch (TemplateException ex) {
                    throw error(def, "matrix", "failed to resolve 'stages." + name + ".matrix': " + ex.getMessage());
                }
                if (!(data instanceof Map<?, ?> matrix) || matrix.isEmpty()) {
                    throw error(def, "matrix", "stage '" + name + "': 'matrix' must map names to lists");
                }
                List<String> vars = new ArrayList<>();
                List<List<?>> values = new ArrayList<>();
                for (Map.Entry<?, ?> e : matrix.entrySet()) {
                    if (!(e.getValue() instanceof List<?> l)) {
                        throw error(def, "matrix", "stage '" + name + "': matrix '" + e.getKey() + "' must be a list");
                    }
                    vars.add(String.valueOf(e.getKey()));
                    values.add(l);
                }
                long combinations = 1;
                for (List<?> l : values) {
                    combinations = Math.min(Long.MAX_VALUE / 2, combinations * l.size());
                }
                if (combinations > MAX_GENERATED_STAGES) {
                    throw error(
                            def,
                            "matrix",
                            "stage '" + name + "': the matrix makes " + combinations + " stages, more than "
                                    + MAX_GENERATED_STAGES + " (is that intended? split the matrix)");
                }
                Map<String, Object> template = new LinkedHashMap<>(def);
                template.remove("matrix");
                int[] index = new int[vars.size()];
                while (true) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    List<String> fragments = new ArrayList<>();
                    for (int v = 0; v < vars.size(); v++) {
                        if (values.get(v).isEmpty()) {
                            return;
                        }
                        Object value = values.get(v).get(index[v]);
                        item.put(vars.get(v), value);
                        fragments.add(
                                value instanceof Map || value instanceof List
                                        ? vars.get(v) + index[v]
                                        : TemplateContext.toStr(value, parsing));
                    }
                    String key = String.join("-", fragments);
                    Map<String, Object> iteration = new LinkedHashMap<>();
                    iteration.put("item", item);
                    iteration.put("key", key);
                    out.add(entry(context.withIteration(iteration), name + "@" + key, template));
                    int v = vars.size() - 1;
                    while (v >= 0 && ++index[v] == values.get(v).size()) {
                        index[v] = 0;
                        v--;
                    }
                    if (v < 0) {
                        return;
                    }
                }
            }
            out.add(entry(context, name, def));
        }

        /** Resolves one stage definition. */
        @SuppressWarnings("unchecked")
        private PipelineStage entry(TemplateContext context, String name, Map<String, Object> def) {
            for (String key : def.keySet()) {
                if (!STAGE_KEYS.contains(key)) {
                    throw error(def, key, "unknown key '" + key + "' in stage '" + name + "'");
                }
            }
            if (!def.containsKey("cmd")) {
                throw error(def, null, "stage '" + name + "' has no 'cmd'");
            }
            String wdir = dir;
            TemplateContext ctx = context;
            try {
                Object wdirValue = def.get("wdir");
                if (wdirValue != null) {
                    String w = TemplateContext.toStr(ctx.resolve(wdirValue, "wdir", parsing), parsing);
                    wdir = RepoPaths.join(dir, w);
                    if (wdir == null) {
                        throw error(def, "wdir", "stage '" + name + "': wdir '" + w + "' is outside the repository");
                    }
                }
                if (def.get("vars") != null) {
                    ctx = ctx.copy();
                    loadVars(ctx, def.get("vars"), wdir, def, "vars", name);
                }
            } catch (TemplateException ex) {
                throw error(
                        def,
                        "wdir",
                        "failed to resolve 'stages." + name + ".wdir' in '" + file + "': " + ex.getMessage());
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : def.entrySet()) {
                if (e.getKey().equals("vars")) {
                    continue;
                }
                try {
                    resolved.put(e.getKey(), ctx.resolve(e.getValue(), e.getKey(), parsing));
                } catch (TemplateException ex) {
                    throw error(
                            def,
                            e.getKey(),
                            "failed to resolve 'stages." + name + "." + e.getKey() + "' in '" + file + "': "
                                    + ex.getMessage());
                }
            }
            return build(name, resolved, def, wdir);
        }

        private PipelineStage build(String name, Map<String, Object> d, Map<String, Object> lines, String wdir) {
            Object cmd = d.get("cmd");
            if (cmd == null || (cmd instanceof String s && s.isEmpty()) || (cmd instanceof List<?> l && l.isEmpty())) {
                throw error(lines, "cmd", "stage '" + name + "': 'cmd' cannot be empty");
            }
            if (!(cmd instanceof String) && !(cmd instanceof List<?>)) {
                cmd = TemplateContext.toStr(cmd, parsing);
            }
            if (cmd instanceof List<?> l) {
                List<String> parts = new ArrayList<>();
                for (Object o : l) {
                    if (o instanceof Map || o instanceof List) {
                        throw error(lines, "cmd", "stage '" + name + "': 'cmd' items must be strings");
                    }
                    parts.add(TemplateContext.toStr(o, parsing));
                }
                cmd = parts;
            }
            List<Output> deps = new ArrayList<>();
            for (Object o : list(d, lines, "deps", name)) {
                if (!(o instanceof String s) || s.isEmpty()) {
                    throw error(lines, "deps", "stage '" + name + "': dependencies must be paths");
                }
                deps.add(output(s, wdir, Output.Kind.DEP, Map.of(), lines, "deps", name));
            }
            List<ParamsDep> params = params(list(d, lines, "params", name), wdir, lines, name);
            List<Output> outs = new ArrayList<>();
            outs.addAll(outputs(list(d, lines, "outs", name), wdir, Output.Kind.OUT, lines, "outs", name));
            outs.addAll(outputs(list(d, lines, "metrics", name), wdir, Output.Kind.METRIC, lines, "metrics", name));
            outs.addAll(outputs(list(d, lines, "plots", name), wdir, Output.Kind.PLOT, lines, "plots", name));
            checkPaths(name, deps, outs, lines);
            return new PipelineStage(
                    name,
                    file,
                    wdir,
                    cmd,
                    List.copyOf(deps),
                    List.copyOf(params),
                    List.copyOf(outs),
                    bool(d, lines, "frozen", name),
                    bool(d, lines, "always_changed", name),
                    d.get("desc") instanceof String s ? s : null,
                    doc.lineOf(lines));
        }

        private List<?> list(Map<String, Object> d, Map<String, Object> lines, String key, String name) {
            Object v = d.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> l)) {
                throw error(lines, key, "stage '" + name + "': '" + key + "' must be a list");
            }
            return l;
        }

        private boolean bool(Map<String, Object> d, Map<String, Object> lines, String key, String name) {
            Object v = d.get(key);
            if (v == null) {
                return false;
            }
            if (!(v instanceof Boolean b)) {
                throw error(lines, key, "stage '" + name + "': '" + key + "' must be true or false");
            }
            return b;
        }

        private Output output(
                String path,
                String wdir,
                Output.Kind kind,
                Map<?, ?> flags,
                Map<String, Object> lines,
                String key,
                String name) {
            String repoPath = RepoPaths.join(wdir, path);
            if (repoPath == null || repoPath.isEmpty()) {
                throw error(lines, key, "stage '" + name + "': '" + path + "' is outside the repository");
            }
            if (kind != Output.Kind.DEP
                    && (repoPath.endsWith(".dvc")
                            || RepoPaths.name(repoPath).equals("dvc.yaml")
                            || RepoPaths.name(repoPath).equals("dvc.lock"))) {
                throw error(lines, key, "stage '" + name + "': output '" + path + "' cannot be a dvc file");
            }
            Map<String, Object> annotations = new LinkedHashMap<>();
            for (String a : List.of("desc", "type", "labels", "meta")) {
                if (flags.containsKey(a)) {
                    annotations.put(a, flags.get(a));
                }
            }
            Map<String, Object> plotProps = new LinkedHashMap<>();
            for (Map.Entry<?, ?> f : flags.entrySet()) {
                if (PLOT_PROPS.contains(String.valueOf(f.getKey()))) {
                    plotProps.put(String.valueOf(f.getKey()), f.getValue());
                }
            }
            if (!plotProps.isEmpty()) {
                annotations.put("plot", plotProps);
            }
            boolean cache = !Boolean.FALSE.equals(flags.get("cache"));
            boolean persist = Boolean.TRUE.equals(flags.get("persist"));
            boolean push = !Boolean.FALSE.equals(flags.get("push"));
            Object remote = flags.get("remote");
            return new Output(
                    path,
                    repoPath,
                    null,
                    null,
                    cache,
                    persist,
                    push,
                    remote == null ? null : String.valueOf(remote),
                    kind,
                    annotations);
        }

        private List<Output> outputs(
                List<?> items, String wdir, Output.Kind kind, Map<String, Object> lines, String key, String name) {
            List<Output> outs = new ArrayList<>();
            for (Object o : items) {
                if (o instanceof String s && !s.isEmpty()) {
                    outs.add(output(s, wdir, kind, Map.of(), lines, key, name));
                } else if (o instanceof Map<?, ?> m && m.size() == 1) {
                    Map.Entry<?, ?> e = m.entrySet().iterator().next();
                    Object flagsValue = e.getValue() == null ? Map.of() : e.getValue();
                    if (kind == Output.Kind.PLOT
                            && flagsValue instanceof List<?> l
                            && !l.isEmpty()
                            && l.get(0) instanceof Map) {
                        flagsValue = l.get(0);
                    }
                    if (!(flagsValue instanceof Map<?, ?> flags)) {
                        throw error(
                                lines, key, "stage '" + name + "': flags of '" + e.getKey() + "' must be a mapping");
                    }
                    for (Object flag : flags.keySet()) {
                        String f = String.valueOf(flag);
                        if (!OUT_FLAGS.contains(f) && !(kind == Output.Kind.PLOT && PLOT_PROPS.contains(f))) {
                            throw error(
                                    lines,
                                    key,
                                    "stage '" + name + "': unknown key '" + f + "' for output '" + e.getKey() + "'");
                        }
                    }
                    outs.add(output(String.valueOf(e.getKey()), wdir, kind, flags, lines, key, name));
                } else {
                    throw error(
                            lines,
                            key,
                            "stage '" + name + "': each entry of '" + key + "' must be a path or {path: flags}");
                }
            }
            return outs;
        }

        private List<ParamsDep> params(List<?> items, String wdir, Map<String, Object> lines, String name) {
            Map<String, List<String>> byFile = new LinkedHashMap<>();
            Set<String> whole = new HashSet<>();
            for (Object o : items) {
                if (o instanceof String key) {
                    byFile.computeIfAbsent(ParamsDep.DEFAULT_FILE, k -> new ArrayList<>())
                            .add(key);
                } else if (o instanceof Map<?, ?> m) {
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        String f = String.valueOf(e.getKey());
                        List<String> keys = byFile.computeIfAbsent(f, k -> new ArrayList<>());
                        if (e.getValue() == null || (e.getValue() instanceof List<?> l && l.isEmpty())) {
                            whole.add(f);
                        } else if (e.getValue() instanceof List<?> l) {
                            for (Object k : l) {
                                keys.add(String.valueOf(k));
                            }
                        } else {
                            throw error(
                                    lines,
                                    "params",
                                    "stage '" + name + "': keys of params file '" + f + "' must be a list");
                        }
                    }
                } else {
                    throw error(lines, "params", "stage '" + name + "': params entries must be keys or {file: [keys]}");
                }
            }
            List<ParamsDep> out = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : byFile.entrySet()) {
                String repoPath = RepoPaths.join(wdir, e.getKey());
                if (repoPath == null) {
                    throw error(
                            lines, "params", "stage '" + name + "': '" + e.getKey() + "' is outside the repository");
                }
                List<String> keys =
                        whole.contains(e.getKey()) ? List.of() : List.copyOf(new LinkedHashSet<>(e.getValue()));
                out.add(new ParamsDep(e.getKey(), repoPath, keys));
            }
            return out;
        }

        private void checkPaths(String name, List<Output> deps, List<Output> outs, Map<String, Object> lines) {
            Set<String> seen = new HashSet<>();
            for (Output o : outs) {
                if (!seen.add(o.repoPath())) {
                    throw error(lines, "outs", "stage '" + name + "': output '" + o.defPath() + "' is listed twice");
                }
            }
            for (Output d : deps) {
                if (seen.contains(d.repoPath())) {
                    throw error(
                            lines,
                            "deps",
                            "stage '" + name + "': '" + d.defPath() + "' is both a dependency and an"
                                    + " output (circular dependency)");
                }
            }
        }

        private void checkDuplicates(List<PipelineStage> stages) {
            Set<String> names = new HashSet<>();
            for (PipelineStage s : stages) {
                if (!names.add(s.name())) {
                    throw new FormatException(file, s.line(), "stage '" + s.name() + "' is defined twice");
                }
            }
        }
    }
}
