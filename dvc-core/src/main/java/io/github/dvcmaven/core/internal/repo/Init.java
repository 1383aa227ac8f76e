package io.github.dvcmaven.core.internal.repo;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.InitResult;
import io.github.dvcmaven.core.internal.fs.AtomicWrite;
import io.github.dvcmaven.core.internal.fs.FileTrees;
import io.github.dvcmaven.core.internal.scm.Git;
import io.github.dvcmaven.core.internal.scm.GitIgnoreFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code dvc init}: the same files, bytes and git staging as the real command. */
public final class Init {
    static final String DVCIGNORE_TEXT = """
            # Add patterns of files dvc should ignore, which could improve
            # the performance. Learn more at
            # https://dvc.org/doc/user-guide/dvcignore
            """;

    private Init() {}

    public static InitResult run(Path root, boolean noScm, boolean force) {
        Optional<Git> git = noScm ? Optional.empty() : Git.find(root);
        try {
            if (!noScm && (git.isEmpty() || !git.get().workTree().equals(root))) {
                throw new DvcException(
                        root + " is not tracked by any supported SCM tool (e.g. Git).",
                        "run `git init` first, or pass -Ddvc.noScm=true to use dvc without git");
            }
            Path dvcDir = root.resolve(RepoContext.DVC_DIR);
            if (git.isPresent() && git.get().isIgnored(dvcDir, true)) {
                throw new DvcException(
                        dvcDir + " is ignored by your SCM tool.",
                        "make sure it is tracked, for example by adding '!.dvc' to .gitignore");
            }
            if (Files.isDirectory(dvcDir)) {
                if (!force) {
                    throw new DvcException("'.dvc' exists.", "pass -Ddvc.force=true to re-initialize it");
                }
                FileTrees.deleteRecursively(dvcDir);
            }
            Files.createDirectories(dvcDir.resolve("tmp"));
            Path config = dvcDir.resolve("config");
            AtomicWrite.writeString(config, noScm ? "[core]\n    no_scm = True\n" : "");
            Path dvcignore = root.resolve(".dvcignore");
            if (!Files.exists(dvcignore)) {
                AtomicWrite.writeString(dvcignore, DVCIGNORE_TEXT);
            }
            List<Path> track = new ArrayList<>(List.of(config, dvcignore));
            if (git.isPresent()) {
                for (String name : List.of("config.local", "tmp", "cache")) {
                    Path p = dvcDir.resolve(name);
                    if (!git.get().isIgnored(p, !name.equals("config.local"))) {
                        GitIgnoreFile.add(p);
                    }
                }
                track.add(dvcDir.resolve(GitIgnoreFile.NAME));
                git.get().add(track);
            }
            List<String> files = new ArrayList<>();
            for (Path p : track) {
                files.add(root.relativize(p).toString());
            }
            return new InitResult(root, files);
        } catch (IOException e) {
            throw new DvcException("cannot initialize " + root + ": " + e.getMessage(), null, e);
        } finally {
            git.ifPresent(Git::close);
        }
    }
}
