package io.github.dvcmaven.core.internal.status;

import io.github.dvcmaven.core.api.DataChange;
import io.github.dvcmaven.core.api.DataDiff;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.fs.DvcIgnore;
import io.github.dvcmaven.core.internal.index.DataIndex;
import io.github.dvcmaven.core.internal.index.IndexChange;
import io.github.dvcmaven.core.internal.index.IndexDiff;
import io.github.dvcmaven.core.internal.index.IndexEntry;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import io.github.dvcmaven.core.internal.revision.RevisionSnapshot;
import io.github.dvcmaven.core.internal.scm.Git;
import io.github.dvcmaven.core.internal.scm.GitRevisions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * {@code dvc diff a_rev [b_rev]}: the data indexes of two revisions (the second the workspace when not
 * given) compared from the outputs the targets select, renames detected; against the workspace also
 * what the old revision names that the cache lacks.
 */
public final class DiffOperation {
    private final RepoContext repo;

    public DiffOperation(RepoContext repo) {
        this.repo = repo;
    }

    public DataDiff run(String aRev, String bRev, List<String> targets, boolean hideMissing) {
        Git git = RevisionSnapshot.gitOf(repo, aRev);
        if (!git.hasCommits()) {
            return new DataDiff(List.of(), bRev != null);
        }
        boolean withMissing = bRev == null;
        GitRevisions revisions = new GitRevisions(git.repository());
        RevCommit a = revisions.resolve(aRev);
        RevCommit b = bRev == null ? null : revisions.resolve(bRev);
        if (a.equals(b)) {
            return new DataDiff(List.of(), true);
        }
        try (RevisionSnapshot sa = RevisionSnapshot.of(repo, git, a, aRev);
                RevisionSnapshot sb =
                        b == null ? RevisionSnapshot.of(repo, null) : RevisionSnapshot.of(repo, git, b, bRev)) {
            StageIndex ia = index(sa);
            StageIndex ib = index(sb);
            Set<String> missingA = new LinkedHashSet<>();
            Set<String> missingB = new LinkedHashSet<>();
            Set<String> roots = new LinkedHashSet<>(DataIndexes.dataKeys(repo, ia, targets, missingA));
            roots.addAll(DataIndexes.dataKeys(repo, ib, targets, missingB));
            for (String t : missingA) {
                if (missingB.contains(t)) {
                    throw new DvcException(
                            "failed to get diff - No such file or directory: '" + t + "'",
                            "name a tracked file, directory or stage of " + aRev + " or "
                                    + (bRev == null ? "the workspace" : bRev));
                }
            }
            DataIndex old = DataIndexes.committed(repo, ia);
            DataIndex neu = b == null ? DataIndexes.workspace(repo, ib) : DataIndexes.committed(repo, ib);
            List<IndexChange> changes = IndexDiff.diff(
                    old, neu, new IndexDiff.Options(true, withMissing, true, false, false, List.copyOf(roots), null));
            return result(changes, withMissing, hideMissing || !withMissing);
        }
    }

    private StageIndex index(RevisionSnapshot snap) {
        return snap.isWorkspace()
                ? repo.index()
                : StageIndex.load(snap.root(), new DvcIgnore(snap.root()), repo.config());
    }

    private DataDiff result(List<IndexChange> changes, boolean withMissing, boolean hideMissing) {
        List<DataChange> out = new ArrayList<>();
        for (IndexChange c : changes) {
            IndexEntry o = c.old();
            IndexEntry n = c.neu();
            // directories nothing tracks as a whole (inside a tracked one, or leading to one) are not reported
            if ((o != null && o.isDirectory() && o.hash() == null)
                    || (n != null && n.isDirectory() && n.hash() == null)) {
                continue;
            }
            switch (c.type()) {
                case ADD -> out.add(DataChange.of(DataChange.Kind.ADDED, n.displayPath(), hash(n)));
                case DELETE -> out.add(DataChange.of(DataChange.Kind.DELETED, o.displayPath(), hash(o)));
                case MODIFY -> out.add(DataChange.modified(o.displayPath(), hash(o), hash(n)));
                case RENAME -> out.add(DataChange.renamed(o.displayPath(), n.displayPath(), hash(o)));
                default -> {}
            }
            if (withMissing && o != null && o.hash() != null && !DataIndexes.inCache(repo, o)) {
                out.add(DataChange.of(DataChange.Kind.NOT_IN_CACHE, o.displayPath(), hash(o)));
            }
        }
        return new DataDiff(out, hideMissing);
    }

    private static String hash(IndexEntry e) {
        return e == null || e.hash() == null ? null : e.hash().value();
    }
}
