package io.github.dvcmaven.core.api;

import java.util.List;

/** A checkout would delete workspace content that exists nowhere else; nothing was changed. */
public class UnsavedChangesException extends DvcException {
    /** These paths have workspace changes the cache does not hold. */
    public UnsavedChangesException(List<String> paths) {
        super(
                "Can't remove the following unsaved files without confirmation:\n" + String.join("\n", paths),
                "save them first with `mvn dvc:commit` (or `mvn dvc:add`), or discard them with -Ddvc.force=true");
    }
}
