package io.github.dvcmaven.core.api;

/** A stage command exited non-zero; nothing of that stage was recorded. */
public class StageFailedException extends DvcException {
    private final String stage;
    private final int exitCode;

    /** The stage, its command and the exit code. */
    public StageFailedException(String stage, String command, int exitCode) {
        super(
                "failed to reproduce '" + stage + "': command '" + command + "' exited with code " + exitCode,
                "fix the command and run `mvn dvc:repro` again; dvc.lock and the cache keep the last good run");
        this.stage = stage;
        this.exitCode = exitCode;
    }

    /** The stage's addressing. */
    public String stage() {
        return stage;
    }

    /** The command's exit code. */
    public int exitCode() {
        return exitCode;
    }
}
