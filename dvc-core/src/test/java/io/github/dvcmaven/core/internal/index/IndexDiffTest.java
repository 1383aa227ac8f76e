package io.github.dvcmaven.core.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.hash.DirManifest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dvc-data's diff rules on small indexes (the interop tests check them against dvc itself). */
class IndexDiffTest {
    private static final IndexDiff.Options DIFF =
            new IndexDiff.Options(true, false, true, false, false, List.of(), null);

    private static HashInfo h(String s) {
        return HashInfo.md5(String.format("%32s", s).replace(' ', '0'));
    }

    private static DataIndex index(Map<HashInfo, DirManifest> manifests, IndexEntry... entries) {
        DataIndex d = new DataIndex(manifests::get);
        for (IndexEntry e : entries) {
            d.add(e);
        }
        return d;
    }

    private static List<String> render(List<IndexChange> changes) {
        return changes.stream()
                .map(c -> c.type() + " " + (c.old() == null ? "-" : c.old().key()) + " "
                        + (c.neu() == null ? "-" : c.neu().key()))
                .sorted()
                .toList();
    }

    @Test
    void additionsAndDeletionsWithTheSameHashPairUpByKeyOrder() {
        DataIndex old = index(
                Map.of(), IndexEntry.file("a", h("1")), IndexEntry.file("b", h("1")), IndexEntry.file("c", h("2")));
        DataIndex neu = index(
                Map.of(), IndexEntry.file("x", h("1")), IndexEntry.file("y", h("1")), IndexEntry.file("z", h("3")));
        assertThat(render(IndexDiff.diff(old, neu, DIFF)))
                .containsExactly("ADD - z", "DELETE c -", "RENAME a x", "RENAME b y");
    }

    @Test
    void keysCompareAsPathPartsNotAsStrings() {
        // as tuples ("a", "b") < ("a-b",); as strings "a-b" < "a/b": the first deletion pairs with the first addition
        assertThat(IndexDiff.compareKeys("a/b", "a-b")).isNegative();
        assertThat(IndexDiff.compareKeys("a", "a/b")).isNegative();
    }

    @Test
    void filesOfATrackedDirectoryComeFromItsManifestAndAreUnknownWithoutIt() {
        HashInfo dirOld = HashInfo.md5(h("9").value() + ".dir");
        HashInfo dirNew = HashInfo.md5(h("8").value() + ".dir");
        DirManifest manifest = new DirManifest(List.of(
                new DirManifest.Entry("a.txt", h("1").value()), new DirManifest.Entry("sub/b.txt", h("2").value())));
        DataIndex neu = index(
                Map.of(),
                IndexEntry.dir("data", dirNew),
                IndexEntry.file("data/a.txt", h("1")),
                IndexEntry.dir("data/sub", null),
                IndexEntry.file("data/sub/b.txt", h("3")));
        neu.markLoaded("data");
        neu.markLoaded("data/sub");

        DataIndex withManifest = index(Map.of(dirOld, manifest), IndexEntry.dir("data", dirOld));
        assertThat(render(IndexDiff.diff(withManifest, neu, DIFF)))
                .containsExactly("MODIFY data data", "MODIFY data/sub/b.txt data/sub/b.txt");

        DataIndex without = index(Map.of(), IndexEntry.dir("data", dirOld));
        List<IndexChange> changes = IndexDiff.diff(without, neu, DIFF);
        assertThat(changes)
                .filteredOn(c -> !c.key().equals("data"))
                .allMatch(c -> c.type() == IndexChange.Type.UNKNOWN)
                .extracting(IndexChange::key)
                .contains("data/a.txt", "data/sub", "data/sub/b.txt");
    }

    @Test
    void aViewHidesWhatItDoesNotAccept() {
        DataIndex old = index(Map.of(), IndexEntry.file("a", h("1")), IndexEntry.file("b", h("2")));
        DataIndex neu = index(Map.of(), IndexEntry.file("a", h("3")), IndexEntry.file("b", h("4")));
        assertThat(render(IndexDiff.diff(old, neu, DIFF.withView(k -> !k.equals("b")))))
                .containsExactly("MODIFY a a");
    }
}
