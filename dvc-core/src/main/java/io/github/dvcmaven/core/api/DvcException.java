package io.github.dvcmaven.core.api;

/**
 * A failure the user can act on: the message says what is wrong (naming the file, line, stage or
 * remote), the hint what to run. Front ends print both and never a stack trace.
 */
public class DvcException extends RuntimeException {
    private final String hint;

    /** A failure with no hint. */
    public DvcException(String message) {
        this(message, null, null);
    }

    /** A failure and the command that fixes it. */
    public DvcException(String message, String hint) {
        this(message, hint, null);
    }

    /** A failure, the command that fixes it, and its cause. */
    public DvcException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** What to do about it, such as "run `mvn dvc:pull`", or null. */
    public String hint() {
        return hint;
    }
}
