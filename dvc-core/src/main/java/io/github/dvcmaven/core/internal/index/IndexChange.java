package io.github.dvcmaven.core.internal.index;

/** One difference between two data indexes (dvc-data's {@code Change}); {@code old} or {@code neu} may be null. */
public record IndexChange(Type type, IndexEntry old, IndexEntry neu) {
    public enum Type {
        ADD,
        MODIFY,
        RENAME,
        DELETE,
        UNCHANGED,
        UNKNOWN
    }

    /** The key the change is about: the new entry's for an addition, the old one's otherwise. */
    public String key() {
        IndexEntry e = type == Type.ADD ? neu : type == Type.DELETE ? old : old != null ? old : neu;
        return e.key();
    }
}
