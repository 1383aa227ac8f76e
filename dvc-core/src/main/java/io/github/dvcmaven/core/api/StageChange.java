package io.github.dvcmaven.core.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One way a stage differs from what its {@code dvc.lock} entry or {@code .dvc} file records, in dvc's
 * words ({@code "modified"}, {@code "deleted"}, {@code "not in cache"}, {@code "new"}, {@code "changed
 * command"}, ...), plus the words of the gate's stricter checks ({@code "not in dvc.lock"},
 * {@code "not in dvc.yaml"}).
 */
public sealed interface StageChange {
    /** The gate's word for a stage dvc.lock does not record. */
    String NOT_IN_LOCK = "not in dvc.lock";
    /** The gate's word for a lock entry dvc.yaml no longer declares. */
    String NOT_IN_DVC_YAML = "not in dvc.yaml";

    /** Which of dvc's status sections a path change belongs to. */
    enum Section {
        /** Dependencies and parameters. */
        DEPS("changed deps"),
        /** Outputs. */
        OUTS("changed outs");

        private final String title;

        Section(String title) {
            this.title = title;
        }

        /** dvc's heading of the section. */
        public String title() {
            return title;
        }
    }

    /** A dependency or output (as dvc prints its path) and its state. */
    record PathChange(Section section, String path, PathState state) implements StageChange {}

    /**
     * A parameters file: {@code "deleted"} or {@code "new"} as a whole ({@code keys} empty), or key → state
     * in dvc's order (the listed keys; for a whole file its keys, then those only the lock has).
     */
    record ParamsChange(String file, PathState state, Map<String, PathState> keys) implements StageChange {
        public ParamsChange {
            keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        }
    }

    /** A word about the stage as a whole: {@code "changed command"}, {@code "always changed"}, ... */
    record StageFlag(String text) implements StageChange {}
}
