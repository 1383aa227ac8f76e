package io.github.dvcmaven.core.internal.pipeline;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The pipeline graph over every stage of the repository: an edge from a stage to the stage whose output
 * one of its dependencies is (equal to, inside or containing). Validated as dvc validates it: one owner
 * per output path, no overlapping outputs, no cycles. Frozen stages do not pull in their upstream.
 */
public final class Dag {
    private final List<Stage> stages;
    /** stage → the stages it depends on, in dependency order. */
    private final Map<Stage, List<Stage>> upstream = new LinkedHashMap<>();

    private final Map<Stage, List<Stage>> downstream = new LinkedHashMap<>();

    public Dag(List<Stage> stages) {
        this.stages = List.copyOf(stages);
        checkOutputs();
        Map<String, Stage> owner = new HashMap<>();
        List<Map.Entry<String, Stage>> outs = new ArrayList<>();
        for (Stage s : stages) {
            upstream.put(s, new ArrayList<>());
            downstream.put(s, new ArrayList<>());
            for (Output o : s.outs()) {
                owner.put(o.repoPath(), s);
                outs.add(Map.entry(o.repoPath(), s));
            }
        }
        for (Stage s : stages) {
            for (Output d : s.deps()) {
                for (Map.Entry<String, Stage> o : outs) {
                    if (o.getValue() != s
                            && (RepoPaths.isWithin(d.repoPath(), o.getKey())
                                    || RepoPaths.isWithin(o.getKey(), d.repoPath()))) {
                        addEdge(s, o.getValue());
                    }
                }
            }
            for (ParamsDep p : s.params()) {
                Stage o = owner.get(p.repoPath());
                if (o != null && o != s) {
                    addEdge(s, o);
                }
            }
        }
        checkCycles();
    }

    private void addEdge(Stage from, Stage to) {
        if (!upstream.get(from).contains(to)) {
            upstream.get(from).add(to);
            downstream.get(to).add(from);
        }
    }

    private void checkOutputs() {
        Map<String, Stage> seen = new HashMap<>();
        List<Map.Entry<String, Stage>> all = new ArrayList<>();
        for (Stage s : stages) {
            for (Output o : s.outs()) {
                Stage other = seen.put(o.repoPath(), s);
                if (other != null && other != s) {
                    throw new DvcException(
                            "output '" + o.repoPath() + "' is specified in stages:\n- " + other.addressing() + "\n- "
                                    + s.addressing(),
                            "one output path, one owning stage: use distinct files, e.g."
                                    + " metrics-train.json and metrics.json");
                }
                all.add(Map.entry(o.repoPath(), s));
            }
        }
        all.sort(Map.Entry.comparingByKey());
        for (int i = 0; i + 1 < all.size(); i++) {
            Map.Entry<String, Stage> a = all.get(i);
            for (int j = i + 1; j < all.size() && all.get(j).getKey().startsWith(a.getKey()); j++) {
                Map.Entry<String, Stage> b = all.get(j);
                if (RepoPaths.isWithin(b.getKey(), a.getKey()) && a.getValue() != b.getValue()) {
                    throw new DvcException(
                            "the output paths '" + b.getKey() + "' ("
                                    + b.getValue().addressing() + ") and '" + a.getKey() + "' ("
                                    + a.getValue().addressing() + ") overlap",
                            "an output cannot be inside another stage's output; split the directory or merge the stages");
                }
            }
        }
    }

    private void checkCycles() {
        Map<Stage, Integer> state = new HashMap<>();
        for (Stage s : stages) {
            Deque<Stage> path = new ArrayDeque<>();
            visit(s, state, path);
        }
    }

    private void visit(Stage s, Map<Stage, Integer> state, Deque<Stage> path) {
        Integer st = state.get(s);
        if (st != null && st == 2) {
            return;
        }
        if (st != null && st == 1) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (Stage p : path) {
                in |= p == s;
                if (in) {
                    cycle.add(p.addressing());
                }
            }
            cycle.add(s.addressing());
            throw new DvcException(
                    "Pipeline has a cycle: " + String.join(" -> ", cycle),
                    "a stage may not depend, directly or through others, on its own outputs");
        }
        state.put(s, 1);
        path.addLast(s);
        for (Stage u : upstream.get(s)) {
            visit(u, state, path);
        }
        path.removeLast();
        state.put(s, 2);
    }

    public List<Stage> stages() {
        return stages;
    }

    /** What a stage depends on; frozen stages have none (their upstream is not reproduced). */
    public List<Stage> upstreamOf(Stage s) {
        return s.frozen() ? List.of() : upstream.get(s);
    }

    public List<Stage> downstreamOf(Stage s) {
        List<Stage> out = new ArrayList<>();
        for (Stage d : downstream.get(s)) {
            if (!d.frozen()) {
                out.add(d);
            }
        }
        return out;
    }

    /** Dependencies before dependents: a depth-first post-order from the targets, in graph order. */
    public List<Stage> plan(List<Stage> targets, boolean downstreamToo) {
        Set<Stage> selected = new LinkedHashSet<>();
        if (downstreamToo) {
            for (Stage t : targets) {
                collect(t, selected, this::downstreamOf);
            }
            // everything selected, ordered with dependencies first
            List<Stage> order = new ArrayList<>();
            Set<Stage> done = new HashSet<>();
            for (Stage s : stages) {
                if (selected.contains(s)) {
                    postOrder(s, done, order, selected);
                }
            }
            return order;
        }
        List<Stage> order = new ArrayList<>();
        Set<Stage> done = new HashSet<>();
        for (Stage t : targets) {
            postOrder(t, done, order, null);
        }
        return order;
    }

    private void collect(Stage s, Set<Stage> into, Function<Stage, List<Stage>> next) {
        if (into.add(s)) {
            for (Stage n : next.apply(s)) {
                collect(n, into, next);
            }
        }
    }

    private void postOrder(Stage s, Set<Stage> done, List<Stage> order, Set<Stage> within) {
        if (!done.add(s)) {
            return;
        }
        for (Stage u : upstreamOf(s)) {
            if (within == null || within.contains(u)) {
                postOrder(u, done, order, within);
            }
        }
        order.add(s);
    }
}
