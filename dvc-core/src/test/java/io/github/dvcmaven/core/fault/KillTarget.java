package io.github.dvcmaven.core.fault;

import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.PullOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.ReproOptions;
import io.github.dvcmaven.core.api.SyncOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A child JVM doing one operation on a repository, to be killed with SIGKILL at a random moment. */
public final class KillTarget {
    private KillTarget() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        try (Repo repo = Repo.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(Map.of()))) {
            switch (args[0]) {
                case "add" -> repo.add(List.of("data", "big.bin"), AddOptions.defaults());
                case "push" -> repo.push(SyncOptions.of(List.of()));
                case "pull" ->
                    repo.pull(PullOptions.of(SyncOptions.of(List.of())).withForce(true));
                case "repro" -> repo.repro(List.of(), new ReproOptions(true, false, false, false, false));
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
        System.out.println("done");
    }
}
