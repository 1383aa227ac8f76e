package io.github.dvcmaven.core.internal.scm;

import io.github.dvcmaven.core.api.DvcException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Git revisions as dvc sees them, read through JGit without touching the work tree: resolving names
 * (branch, tag, {@code HEAD~n}, SHA), the revision sets of {@code gc -a/-T/-A}, and the files of a commit.
 */
public final class GitRevisions {
    private final Repository repository;

    public GitRevisions(Repository repository) {
        this.repository = repository;
    }

    /** A commit, resolved from any revision expression git understands. */
    public RevCommit resolve(String rev) {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(rev);
            if (id == null) {
                throw new DvcException("unknown git revision '" + rev + "'", "use a branch, tag, SHA or HEAD~n");
            }
            return walk.parseCommit(id);
        } catch (IOException e) {
            throw new DvcException("cannot read git revision '" + rev + "': " + e.getMessage(), null, e);
        }
    }

    /** The commits at the tips of all local branches, all tags, or every commit reachable from any ref. */
    public Set<RevCommit> commits(boolean allBranches, boolean allTags, boolean allCommits) {
        Set<RevCommit> out = new LinkedHashSet<>();
        try (RevWalk walk = new RevWalk(repository)) {
            List<Ref> refs = new ArrayList<>();
            if (allBranches || allCommits) {
                refs.addAll(repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS));
            }
            if (allTags || allCommits) {
                refs.addAll(repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS));
            }
            for (Ref ref : refs) {
                ObjectId id = ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
                try {
                    out.add(walk.parseCommit(id));
                } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
                    // a tag of a tree or blob: no commit to read
                }
            }
            if (allCommits) {
                ObjectId head = repository.resolve(Constants.HEAD);
                if (head != null) {
                    walk.markStart(walk.parseCommit(head));
                }
                for (RevCommit tip : List.copyOf(out)) {
                    walk.markStart(walk.parseCommit(tip));
                }
                for (RevCommit c : walk) {
                    out.add(c);
                }
            }
            return out;
        } catch (IOException e) {
            throw new DvcException("cannot list git revisions: " + e.getMessage(), null, e);
        }
    }

    /**
     * The commits of a scope, each with the names it goes by (branch and tag names, the revisions as
     * given, an abbreviated id for any other commit), in the order dvc's brancher visits them: named
     * revisions, branches, tags, then the remaining commits.
     */
    public Map<RevCommit, List<String>> named(
            boolean allBranches, boolean allTags, boolean allCommits, List<String> revs) {
        Map<RevCommit, List<String>> out = new LinkedHashMap<>();
        for (String rev : revs) {
            out.computeIfAbsent(resolve(rev), k -> new ArrayList<>()).add(rev);
        }
        try (RevWalk walk = new RevWalk(repository)) {
            if (allBranches || allCommits) {
                addRefs(walk, Constants.R_HEADS, out);
            }
            if (allTags || allCommits) {
                addRefs(walk, Constants.R_TAGS, out);
            }
        } catch (IOException e) {
            throw new DvcException("cannot list git revisions: " + e.getMessage(), null, e);
        }
        if (allCommits) {
            for (RevCommit c : commits(false, false, true)) {
                out.computeIfAbsent(c, k -> new ArrayList<>(List.of(c.getName().substring(0, 7))));
            }
        }
        return out;
    }

    private void addRefs(RevWalk walk, String prefix, Map<RevCommit, List<String>> out) throws IOException {
        for (Ref ref : repository.getRefDatabase().getRefsByPrefix(prefix)) {
            ObjectId id = ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
            try {
                RevCommit c = walk.parseCommit(id);
                List<String> names = out.computeIfAbsent(c, k -> new ArrayList<>());
                String name = ref.getName().substring(prefix.length());
                if (!names.contains(name)) {
                    names.add(name);
                }
            } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
                // a tag of a tree or blob: no commit to read
            }
        }
    }

    /** Files of a commit below {@code dir} ("" for the whole tree) whose repo-relative path matches. */
    public Map<String, byte[]> files(RevCommit commit, String dir, Predicate<String> wanted) {
        return files(commit, dir, wanted, Long.MAX_VALUE);
    }

    /** Like {@link #files(RevCommit, String, Predicate)}, skipping blobs larger than {@code maxBytes}. */
    public Map<String, byte[]> files(RevCommit commit, String dir, Predicate<String> wanted, long maxBytes) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (TreeWalk tw = new TreeWalk(repository);
                ObjectReader reader = repository.newObjectReader()) {
            tw.addTree(commit.getTree());
            tw.setRecursive(true);
            if (!dir.isEmpty()) {
                tw.setFilter(PathFilter.create(dir));
            }
            while (tw.next()) {
                String path = tw.getPathString();
                String rel = dir.isEmpty() ? path : path.substring(Math.min(path.length(), dir.length() + 1));
                if (wanted.test(rel)
                        && (tw.getFileMode(0).getObjectType() == Constants.OBJ_BLOB)
                        && reader.getObjectSize(tw.getObjectId(0), Constants.OBJ_BLOB) <= maxBytes) {
                    out.put(rel, reader.open(tw.getObjectId(0)).getBytes());
                }
            }
            return out;
        } catch (IOException e) {
            throw new DvcException(
                    "cannot read the files of commit " + commit.getName() + ": " + e.getMessage(), null, e);
        }
    }

    /** One file of a commit, if it exists there. */
    public Optional<byte[]> file(RevCommit commit, String path) {
        RevTree tree = commit.getTree();
        try (TreeWalk tw = TreeWalk.forPath(repository, path, tree)) {
            if (tw == null) {
                return Optional.empty();
            }
            return Optional.of(repository.open(tw.getObjectId(0)).getBytes());
        } catch (IOException e) {
            throw new DvcException(
                    "cannot read " + path + " at commit " + commit.getName() + ": " + e.getMessage(), null, e);
        }
    }

    /** A file of a commit's tree: its path from the top, size and whether git records it executable. */
    public record TreeFile(String path, long size, boolean executable) {}

    /** Every file of a commit (symlinks and submodules left out), in git's order, without reading them. */
    public List<TreeFile> tree(RevCommit commit) {
        List<TreeFile> out = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(repository);
                ObjectReader reader = repository.newObjectReader()) {
            tw.addTree(commit.getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                FileMode mode = tw.getFileMode(0);
                if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    out.add(new TreeFile(
                            tw.getPathString(),
                            reader.getObjectSize(tw.getObjectId(0), Constants.OBJ_BLOB),
                            mode == FileMode.EXECUTABLE_FILE));
                }
            }
            return out;
        } catch (IOException e) {
            throw new DvcException("cannot list commit " + commit.getName() + ": " + e.getMessage(), null, e);
        }
    }
}
