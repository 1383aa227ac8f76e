package io.github.dvcmaven.core.api;

/** A stage command exited non-zero; nothing of that stage was recorded. */
public class StageFailedException extends DvcException {
    private final String stage;
    private final int exitCode;

    public StageFailedException(String stage, String command, int exitCode) {
        super(
                "failed to reproduce '" + stage + "': command '" + command + "' exited with code " + exitCode,
                "fix the command and run `mvn dvc:repro` again; dvc.lock and the cache keep the last good run");
        this.stage = stage;
        this.exitCode = exitCode;
    }

    public String stage() {
        return stage;
    }

    public int exitCode() {
        return exitCode;
    }
}
