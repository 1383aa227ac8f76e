package io.github.dvcmaven.core.api;

/** No {@code .dvc} directory in the start directory or any parent. */
public class NotARepoException extends DvcException {
    /** No dvc repository was found; the message says where it was looked for. */
    public NotARepoException(String message) {
        super(message, "run `mvn dvc:init` (or `dvc init`) at the root of your project");
    }
}
