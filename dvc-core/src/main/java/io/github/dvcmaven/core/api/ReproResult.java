package io.github.dvcmaven.core.api;

import java.util.List;

/** Which stages ran, which were restored from the cache, which were unchanged; files git should track. */
public record ReproResult(List<String> ran, List<String> restored, List<String> unchanged, List<String> filesToTrack) {
    /** True when no stage ran or was restored. */
    public boolean nothingToDo() {
        return ran.isEmpty() && restored.isEmpty();
    }
}
