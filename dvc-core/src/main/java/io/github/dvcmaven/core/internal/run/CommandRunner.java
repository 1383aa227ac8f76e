package io.github.dvcmaven.core.internal.run;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.api.StageFailedException;
import io.github.dvcmaven.core.internal.DaemonThreads;
import io.github.dvcmaven.core.internal.pipeline.PipelineStage;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a stage's commands as dvc runs them: each line (or list item) in its own shell
 * ({@code $SHELL -c} or {@code /bin/sh -c}; bash without profile/rc files), in the stage's wdir, with
 * {@code DVC_ROOT} and {@code DVC_STAGE} set; output streams into the log as it comes.
 */
final class CommandRunner {
    private final RepoContext repo;

    CommandRunner(RepoContext repo) {
        this.repo = repo;
    }

    void run(PipelineStage stage, String command) {
        Path wdir = repo.root().resolve(stage.wdir());
        List<String> argv = shell(repo.options().env());
        argv.add("-c");
        argv.add(command);
        ProcessBuilder pb = new ProcessBuilder(argv).directory(wdir.toFile());
        Map<String, String> env = pb.environment();
        env.putIfAbsent("DVC_ROOT", repo.root().toString());
        env.put("DVC_STAGE", stage.addressing());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new DvcException(
                    "failed to reproduce '" + stage.addressing() + "': cannot start '" + argv.get(0) + "': "
                            + e.getMessage(),
                    null,
                    e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the command does not read standard input
        }
        Thread err = DaemonThreads.start("stderr of " + stage.name(), logLines(process.getErrorStream()));
        logLines(process.getInputStream()).run();
        int code;
        try {
            err.join();
            code = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new DvcException("failed to reproduce '" + stage.addressing() + "': interrupted");
        }
        if (code != 0) {
            throw new StageFailedException(stage.addressing(), command, code);
        }
    }

    /** Reads a stream of the command to its end, each line a log line of the listener. */
    private Runnable logLines(InputStream in) {
        return () -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    repo.listener().log(RepoListener.Level.INFO, line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        };
    }

    static List<String> shell(Map<String, String> env) {
        String shell = env.getOrDefault("SHELL", "/bin/sh");
        if (shell == null || shell.isBlank()) {
            shell = "/bin/sh";
        }
        List<String> argv = new ArrayList<>();
        argv.add(shell);
        String name = Path.of(shell).getFileName().toString();
        switch (name) {
            case "bash" -> {
                argv.add("--noprofile");
                argv.add("--norc");
            }
            case "zsh" -> argv.add("--no-rcs");
            case "fish" -> argv.add("--no-config");
            default -> {}
        }
        return argv;
    }
}
