package io.github.dvcmaven.core.internal.scm;

import io.github.dvcmaven.core.api.DvcException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.ignore.IgnoreNode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * The git repository around a dvc repo, through JGit: whether a path is tracked or ignored, and
 * staging files when {@code core.autostage} is on.
 */
public final class Git implements AutoCloseable {
    private final Repository repository;
    private final Path workTree;
    private DirCache index;

    private Git(Repository repository) {
        this.repository = repository;
        this.workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
    }

    static {
        // dvc's git libraries (libgit2, dulwich) read the system config from $GIT_CONFIG_SYSTEM or
        // /etc/gitconfig; JGit would run `git --version` and `git config --system --show-origin` to
        // find it, a fifth of a second on every goal. Windows keeps JGit's discovery (no /etc there).
        if (!org.eclipse.jgit.util.SystemReader.getInstance().isWindows()) {
            String configured = System.getenv("GIT_CONFIG_SYSTEM");
            FS.DETECTED.setGitSystemConfig(
                    new File(configured != null && !configured.isEmpty() ? configured : "/etc/gitconfig"));
        }
    }

    /** The git repository containing {@code dir}, if any. */
    public static Optional<Git> find(Path dir) {
        FileRepositoryBuilder builder =
                new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Git(builder.setMustExist(true).build()));
        } catch (IOException | IllegalArgumentException e) {
            // a .git that cannot be opened is not "no git": treating it so would skip .gitignore updates
            // and commit checks silently
            throw new DvcException(
                    "the git repository " + builder.getGitDir() + " cannot be opened: " + e.getMessage(),
                    "repair it (`git status` says what is wrong), or set `core.no_scm = true` in .dvc/config if this"
                            + " workspace is not meant to use git",
                    e);
        }
    }

    public Path workTree() {
        return workTree;
    }

    /** Whether HEAD names a commit (a new repository has none). */
    public boolean hasCommits() {
        try {
            return repository.resolve(org.eclipse.jgit.lib.Constants.HEAD) != null;
        } catch (IOException e) {
            throw new DvcException("cannot read git's HEAD: " + e.getMessage(), null, e);
        }
    }

    /** git status of the work tree: staged, unstaged and (when asked) untracked paths. */
    public record Status(boolean staged, boolean unstaged, List<String> untracked) {
        public boolean dirty() {
            return staged || unstaged || !untracked.isEmpty();
        }
    }

    public Status status(boolean withUntracked) {
        try (org.eclipse.jgit.api.Git api = org.eclipse.jgit.api.Git.wrap(repository)) {
            org.eclipse.jgit.api.Status st = api.status().call();
            boolean staged = !st.getAdded().isEmpty()
                    || !st.getChanged().isEmpty()
                    || !st.getRemoved().isEmpty();
            boolean unstaged = !st.getModified().isEmpty() || !st.getMissing().isEmpty();
            List<String> untracked = withUntracked ? new ArrayList<>(new TreeSet<>(st.getUntracked())) : List.of();
            return new Status(staged, unstaged, untracked);
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new DvcException("cannot read git status: " + e.getMessage(), null, e);
        }
    }

    public Repository repository() {
        return repository;
    }

    private String rel(Path path) {
        return workTree.relativize(path.toAbsolutePath().normalize()).toString().replace(File.separatorChar, '/');
    }

    /** Reads git's index now; it is kept until this process stages files. */
    public void readIndex() {
        index();
    }

    private synchronized DirCache index() {
        try {
            if (index == null) {
                index = repository.readDirCache();
            }
            return index;
        } catch (IOException e) {
            throw new DvcException("cannot read the git index: " + e.getMessage(), null, e);
        }
    }

    /** Whether git tracks the file, or any file below the directory. */
    public boolean isTracked(Path path) {
        DirCache index = index();
        String rel = rel(path);
        if (index.findEntry(rel) >= 0) {
            return true;
        }
        String prefix = rel + "/";
        int pos = index.findEntry(prefix);
        int next = pos < 0 ? -(pos + 1) : pos;
        return next < index.getEntryCount()
                && index.getEntry(next).getPathString().startsWith(prefix);
    }

    /**
     * Whether git ignores the path: the .gitignore files from the root down (deeper wins),
     * {@code .git/info/exclude}, and {@code core.excludesFile}; a path under an ignored directory is ignored.
     */
    public boolean isIgnored(Path path, boolean isDirectory) {
        String rel = rel(path);
        if (rel.isEmpty()) {
            return false;
        }
        String[] parts = rel.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            String parent = prefix.toString();
            prefix.append(prefix.length() == 0 ? "" : "/").append(parts[i]);
            if (entryIgnored(parent, prefix.toString(), last ? isDirectory : true)) {
                return true;
            }
        }
        return false;
    }

    private boolean entryIgnored(String parent, String rel, boolean isDirectory) {
        String dir = parent;
        while (true) {
            Optional<IgnoreNode> node = load(workTree.resolve(dir).resolve(".gitignore"));
            if (node.isPresent()) {
                String local = dir.isEmpty() ? rel : rel.substring(dir.length() + 1);
                Boolean ignored = node.get().checkIgnored(local, isDirectory);
                if (ignored != null) {
                    return ignored;
                }
            }
            if (dir.isEmpty()) {
                break;
            }
            int slash = dir.lastIndexOf('/');
            dir = slash < 0 ? "" : dir.substring(0, slash);
        }
        for (Path global : globalExcludes()) {
            Optional<IgnoreNode> node = load(global);
            if (node.isPresent()) {
                Boolean ignored = node.get().checkIgnored(rel, isDirectory);
                if (ignored != null) {
                    return ignored;
                }
            }
        }
        return false;
    }

    private List<Path> globalExcludes() {
        List<Path> files = new ArrayList<>();
        files.add(repository.getDirectory().toPath().resolve("info").resolve("exclude"));
        String excludes = repository.getConfig().getString("core", null, "excludesfile");
        if (excludes != null) {
            if (excludes.startsWith("~/")) {
                excludes = FS.DETECTED.userHome().getAbsolutePath() + excludes.substring(1);
            }
            files.add(Path.of(excludes));
        } else {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            Path base = xdg != null && !xdg.isEmpty()
                    ? Path.of(xdg)
                    : FS.DETECTED.userHome().toPath().resolve(".config");
            files.add(base.resolve("git").resolve("ignore"));
        }
        return files;
    }

    private static Optional<IgnoreNode> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        IgnoreNode node = new IgnoreNode();
        try (InputStream in = Files.newInputStream(file)) {
            node.parse(in);
            return Optional.of(node);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code git add} of the given files (core.autostage). */
    public void add(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        try (org.eclipse.jgit.api.Git git = new org.eclipse.jgit.api.Git(repository)) {
            org.eclipse.jgit.api.AddCommand add = git.add();
            org.eclipse.jgit.api.AddCommand remove = null;
            for (Path f : files) {
                if (Files.exists(f)) {
                    add.addFilepattern(rel(f));
                } else {
                    if (remove == null) {
                        remove = git.add().setUpdate(true);
                    }
                    remove.addFilepattern(rel(f));
                }
            }
            add.call();
            if (remove != null) {
                remove.call();
            }
            synchronized (this) {
                index = null;
            }
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new DvcException("git add failed: " + e.getMessage(), null, e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
