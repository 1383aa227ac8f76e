package io.github.dvcmaven.core.internal.run;

import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.internal.format.FormatException;
import io.github.dvcmaven.core.internal.format.LockFileFormat;
import io.github.dvcmaven.core.internal.format.yaml.YamlReader;
import io.github.dvcmaven.core.internal.format.yaml.YamlWriter;
import io.github.dvcmaven.core.internal.fs.AtomicWrite;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.PipelineStage;
import io.github.dvcmaven.core.internal.pipeline.RunCacheKeys;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * dvc's run-cache ({@code <cache>/runs/<key[:2]>/<key>/<value>}): what a stage produced for a given
 * command, dependencies and parameters, so a run seen before is restored from the cache, not rerun.
 */
final class RunCache {
    private final RepoContext repo;

    RunCache(RepoContext repo) {
        this.repo = repo;
    }

    private Path runs() {
        return repo.cache().root().resolve("runs");
    }

    /** dvc's _can_hash: a command with dependencies and outputs, not always changed, no persistent outputs. */
    static boolean eligible(PipelineStage s) {
        if (s.alwaysChanged()
                || s.isCallback()
                || (s.deps().isEmpty() && s.params().isEmpty())
                || s.outs().isEmpty()) {
            return false;
        }
        return s.outs().stream().noneMatch(Output::persist);
    }

    /** dvc only saves when every output that is not a metric or plot is cached. */
    static boolean saveable(PipelineStage s) {
        return eligible(s)
                && s.outs().stream()
                        .allMatch(o -> o.cache() || o.kind() == Output.Kind.METRIC || o.kind() == Output.Kind.PLOT);
    }

    /** The newest entry recorded for this run (entry without outs is enough), or null. */
    LockFileFormat.LockEntry lookup(Map<String, Object> entry) {
        String key = RunCacheKeys.key(entry);
        Path dir = runs().resolve(key.substring(0, 2)).resolve(key);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        Path newest = null;
        FileTime newestTime = null;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (p.getFileName().toString().startsWith(".")) {
                    continue;
                }
                FileTime t = Files.getLastModifiedTime(p);
                if (newestTime == null || t.compareTo(newestTime) > 0) {
                    newest = p;
                    newestTime = t;
                }
            }
        } catch (IOException e) {
            return null;
        }
        if (newest == null) {
            return null;
        }
        String display = repo.root().relativize(newest).toString();
        try {
            return LockFileFormat.readEntry(YamlReader.read(newest, display), "run-cache");
        } catch (FormatException e) {
            repo.listener().log(RepoListener.Level.WARN, "corrupted cache file '" + display + "'.");
            try {
                Files.deleteIfExists(newest);
            } catch (IOException ignored) {
                // it is ignored next time anyway
            }
            return null;
        }
    }

    void save(Map<String, Object> entry) {
        String key = RunCacheKeys.key(entry);
        String value = RunCacheKeys.value(entry);
        Path file = runs().resolve(key.substring(0, 2)).resolve(key).resolve(value);
        if (Files.exists(file)) {
            return;
        }
        try {
            AtomicWrite.writeString(file, YamlWriter.dump(entry));
        } catch (IOException e) {
            repo.listener().log(RepoListener.Level.WARN, "cannot save run-cache entry: " + e.getMessage());
        }
    }
}
