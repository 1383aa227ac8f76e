package io.github.dvcmaven.core.internal.revision;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.scm.Git;
import io.github.dvcmaven.core.internal.scm.GitRevisions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The repository's metadata as of one revision, as a directory the usual readers can parse: the
 * workspace itself, or the small files of a git commit (pipelines, locks, pointers, params and metrics
 * files, .dvcignore) written to a temporary directory through JGit. Data lives in the cache, not here.
 */
public final class RevisionSnapshot implements AutoCloseable {
    public static final String WORKSPACE = "workspace";
    private static final long MAX_FILE = 16L << 20;

    private final String name;
    private final Path root;
    private final boolean temporary;
    private final GitRevisions revisions;
    private final RevCommit commit;
    private final String gitDir;

    private RevisionSnapshot(String name, Path root, GitRevisions revisions, RevCommit commit, String gitDir) {
        this.name = name;
        this.root = root;
        this.temporary = commit != null;
        this.revisions = revisions;
        this.commit = commit;
        this.gitDir = gitDir;
    }

    public static RevisionSnapshot of(RepoContext repo, String rev) {
        if (rev == null || rev.equals(WORKSPACE)) {
            return new RevisionSnapshot(WORKSPACE, repo.root(), null, null, null);
        }
        Git git = gitOf(repo, rev);
        return of(repo, git, new GitRevisions(git.repository()).resolve(rev), rev);
    }

    public static Git gitOf(RepoContext repo, String what) {
        return repo.git()
                .orElseThrow(() -> new DvcException(
                        "revision '" + what + "' needs a git repository",
                        "compare against the workspace only, or run inside a git work tree"));
    }

    /** The snapshot of a commit already resolved, named as the caller shows it. */
    public static RevisionSnapshot of(RepoContext repo, Git git, RevCommit commit, String rev) {
        String dir = git.workTree().relativize(repo.root()).toString().replace('\\', '/');
        return of(git.repository(), commit, dir, rev);
    }

    /**
     * The snapshot of the dvc repository at {@code dir} ("" for the top) of a commit of any git
     * repository, bare clones included.
     */
    public static RevisionSnapshot of(Repository repository, RevCommit commit, String dir, String rev) {
        GitRevisions revisions = new GitRevisions(repository);
        try {
            Path tmp = Files.createTempDirectory("dvc-rev-");
            Map<String, byte[]> files = revisions.files(commit, dir, RevisionSnapshot::wanted, MAX_FILE);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path target = tmp.resolve(f.getKey()).normalize();
                if (!target.startsWith(tmp)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
            return new RevisionSnapshot(rev, tmp, revisions, commit, dir);
        } catch (IOException e) {
            throw new DvcException("cannot read revision '" + rev + "': " + e.getMessage(), null, e);
        }
    }

    private static boolean wanted(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (path.startsWith(".dvc/") || path.startsWith(".git/")) {
            return false;
        }
        return name.equals("dvc.yaml")
                || name.equals("dvc.lock")
                || name.endsWith(".dvc")
                || name.equals(".dvcignore")
                || name.matches("(?i).*\\.(ya?ml|json|toml|py|csv|tsv)");
    }

    public String name() {
        return name;
    }

    public Path root() {
        return root;
    }

    /**
     * A file of this revision: from the snapshot directory, or for files the snapshot leaves out (images,
     * big files) straight from the commit.
     */
    public Optional<byte[]> read(String repoPath) throws IOException {
        Path file = root.resolve(repoPath);
        if (Files.isRegularFile(file)) {
            return Optional.of(Files.readAllBytes(file));
        }
        if (commit == null) {
            return Optional.empty();
        }
        return revisions.file(commit, gitDir.isEmpty() ? repoPath : gitDir + "/" + repoPath);
    }

    public boolean isWorkspace() {
        return !temporary;
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
