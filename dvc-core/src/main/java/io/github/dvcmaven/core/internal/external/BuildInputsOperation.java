package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.api.BuildInput;
import io.github.dvcmaven.core.api.BuildInputsResult;
import io.github.dvcmaven.core.api.BuildInputsResult.Entry;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.ReaderOptions;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.api.RepoListener.Level;
import io.github.dvcmaven.core.internal.event.ProgressTracker;
import io.github.dvcmaven.core.internal.fs.AtomicWrite;
import io.github.dvcmaven.core.internal.fs.FileTrees;
import io.github.dvcmaven.core.internal.py.JsonParser;
import io.github.dvcmaven.core.internal.py.PyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fetches build inputs into an output directory and records them in a manifest, doing nothing for an
 * input whose recorded commit is still what its revision names and whose files still have their hashes.
 */
public final class BuildInputsOperation {
    private final ReaderOptions reader;
    private final boolean offline;

    public BuildInputsOperation(ReaderOptions reader, boolean offline) {
        this.reader = reader;
        this.offline = offline;
    }

    public BuildInputsResult fetch(List<BuildInput> inputs, Path outputDirectory, Path manifest) {
        refuseOverlaps(inputs);
        Map<String, Map<String, Object>> recorded = recorded(manifest);
        List<Entry> entries = new ArrayList<>();
        for (BuildInput input : inputs) {
            if (input.paths().isEmpty()) {
                throw new DvcException("build input '" + input.repo() + "' names no paths", "list them under <paths>");
            }
            String commit = offline
                    ? null
                    : ExternalRepo.resolveCommit(
                            input.repo(), input.rev(), cwd(), reader.base().env());
            Map<String, Entry> byPath = new LinkedHashMap<>();
            List<String> stale = new ArrayList<>();
            for (String path : input.paths()) {
                String p = ExternalData.normalize(path);
                Entry kept = intact(input, p, commit, outputDirectory, recorded);
                byPath.put(p, kept);
                if (kept == null) {
                    stale.add(p);
                }
            }
            if (stale.isEmpty()) {
                reader.base()
                        .listener()
                        .log(
                                Level.INFO,
                                "Inputs from '" + input.repo() + "'" + at(input) + " ("
                                        + byPath.values().iterator().next().commit() + ") are up to date");
            } else if (offline) {
                throw new DvcException(
                        "build input '" + input.repo() + "'" + at(input) + ": " + String.join(", ", stale) + " not in "
                                + outputDirectory + " (or changed there), and Maven is offline",
                        "build once online (without -o)");
            } else {
                for (Entry e : download(input, stale, commit, outputDirectory)) {
                    byPath.put(e.path(), e);
                }
            }
            entries.addAll(byPath.values());
        }
        write(manifest, entries);
        return new BuildInputsResult(entries, manifest);
    }

    /** Two inputs writing one place would leave one of them wrong in the manifest, rewritten on every build. */
    private static void refuseOverlaps(List<BuildInput> inputs) {
        List<String> seen = new ArrayList<>();
        for (BuildInput input : inputs) {
            for (String path : input.paths()) {
                String p = ExternalData.normalize(path);
                for (String other : seen) {
                    if (p.equals(other) || p.startsWith(other + "/") || other.startsWith(p + "/")) {
                        throw new DvcException(
                                "build inputs overlap: '" + p + "' of '" + input.repo() + "'" + at(input) + " and '"
                                        + other + "' go to the same place",
                                "take each path once, or the directory alone");
                    }
                }
                seen.add(p);
            }
        }
    }

    private List<Entry> download(BuildInput input, List<String> paths, String commit, Path outputDirectory) {
        List<Entry> out = new ArrayList<>();
        try (ExternalRepo source = ExternalRepo.open(
                        input.repo(), commit, cwd(), reader.base().env());
                ExternalReader r = new ExternalReader(source, reader.cacheDir(), reader.base(), input.remote())) {
            Map<String, Object> metrics = metricsOf(r);
            for (String p : paths) {
                Path target = target(outputDirectory, p);
                reader.base()
                        .listener()
                        .log(
                                Level.INFO,
                                "Fetching '" + p + "' of '" + input.repo() + "'" + at(input) + " (" + source.commit()
                                        + ") to " + target);
                Path aside = target.resolveSibling(AtomicWrite.tempName());
                HashInfo expected;
                try {
                    if (Files.exists(target)) {
                        Files.createDirectories(aside.getParent());
                        Files.move(target, aside);
                    }
                    expected = r.get(p, target);
                } catch (IOException e) {
                    throw new DvcException("cannot replace '" + target + "': " + e.getMessage(), null, e);
                } finally {
                    FileTrees.deleteQuietly(aside);
                }
                UrlState written = onDisk(target);
                String md5 = written.checksum();
                if (!md5.equals(expected.value())) {
                    throw new DvcException("'" + target + "' does not have the hash '" + p + "' records ("
                            + expected.value() + ", got " + md5 + ")");
                }
                out.add(new Entry(
                        input.repo(),
                        input.rev(),
                        source.commit(),
                        p,
                        md5,
                        written.meta().size(),
                        outputDirectory.relativize(target).toString().replace('\\', '/'),
                        true,
                        metrics));
            }
        }
        return out;
    }

    private Map<String, Object> metricsOf(ExternalReader r) {
        try {
            return r.metricsShow(List.of());
        } catch (DvcException e) {
            reader.base()
                    .listener()
                    .log(Level.WARN, "no metrics recorded for '" + r.source().url() + "': " + e.getMessage());
            return Map.of();
        }
    }

    /** The manifest's entry of the path when it has the commit the revision names and the file its hash. */
    private Entry intact(
            BuildInput input,
            String p,
            String commit,
            Path outputDirectory,
            Map<String, Map<String, Object>> recorded) {
        Map<String, Object> e = recorded.get(key(input, p));
        if (e == null || (commit != null && !commit.equals(e.get("commit")))) {
            return null;
        }
        Path target = target(outputDirectory, p);
        if (!Files.exists(target)) {
            return null;
        }
        UrlState now = onDisk(target);
        if (!String.valueOf(e.get("md5")).equals(now.checksum())) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = e.get("metrics") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return new Entry(
                input.repo(),
                input.rev(),
                String.valueOf(e.get("commit")),
                p,
                now.checksum(),
                now.meta().size(),
                String.valueOf(e.get("file")),
                false,
                metrics);
    }

    private static String key(BuildInput input, String path) {
        return input.repo() + "\n" + Objects.toString(input.rev(), "") + "\n" + path;
    }

    private static String key(Map<String, Object> e) {
        return e.get("repo") + "\n" + Objects.toString(e.get("rev"), "") + "\n" + e.get("path");
    }

    private static String at(BuildInput input) {
        return input.rev() == null ? "" : " at " + input.rev();
    }

    private static Path target(Path outputDirectory, String path) {
        Path t = outputDirectory.resolve(path).normalize();
        if (!t.startsWith(outputDirectory.normalize())) {
            throw new DvcException("build input path '" + path + "' leaves the output directory");
        }
        return t;
    }

    private Path cwd() {
        return reader.base().cwd();
    }

    /** The md5 dvc gives the file (a directory's tree hash) and its size, read as import-url reads a path. */
    private static UrlState onDisk(Path target) {
        try (ProgressTracker quiet = new ProgressTracker(RepoListener.SILENT, "Checking", 0, "files")) {
            return new LocalUrlSource(target.toString(), target).state(quiet);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> recorded(Path manifest) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(manifest)) {
            return out;
        }
        try {
            Object doc = JsonParser.parse(Files.readString(manifest));
            if (doc instanceof Map<?, ?> m && m.get("inputs") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> e) {
                        out.put(key((Map<String, Object>) e), (Map<String, Object>) e);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable manifest only means everything is fetched again
        }
        return out;
    }

    private static void write(Path manifest, List<Entry> entries) {
        List<Object> list = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("repo", e.repo());
            if (e.rev() != null) {
                m.put("rev", e.rev());
            }
            m.put("commit", e.commit());
            m.put("path", e.path());
            m.put("md5", e.md5());
            m.put("size", e.size());
            m.put("file", e.file());
            m.put("metrics", e.metrics());
            list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("inputs", list);
        try {
            Files.createDirectories(manifest.toAbsolutePath().getParent());
            AtomicWrite.writeString(manifest, PyJson.dumpsIndented(doc, 2) + "\n");
        } catch (IOException e) {
            throw new DvcException("cannot write the manifest '" + manifest + "': " + e.getMessage(), null, e);
        }
    }
}
