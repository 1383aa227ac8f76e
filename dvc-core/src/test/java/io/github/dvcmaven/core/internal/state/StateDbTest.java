package io.github.dvcmaven.core.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.internal.fs.FileStat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A state database that cannot be used is an explicit no-state mode, said once, never a silent one. */
class StateDbTest {
    @TempDir
    Path tmp;

    @Test
    void anUnusableDatabaseIsSaidOnceAndTheRunGoesOnWithoutIt() throws Exception {
        Path blocker = Files.writeString(tmp.resolve("tmp"), "a file where the state directory should be");
        List<String> told = new ArrayList<>();
        Path file = Files.writeString(tmp.resolve("data.txt"), "x");
        try (StateDb state = new StateDb(blocker.resolve("dvc-maven").resolve("state.db"), told::add)) {
            FileStat stat = FileStat.of(file);
            assertThat(state.get(stat, "md5")).isNull();
            state.put(stat, "md5", "9dd4e461268c8034f5c8564e155c67a6", System.currentTimeMillis() * 1_000_000L);
            state.flush();
            assertThat(state.get(stat, "md5")).isNull();
            assertThat(state.unavailableReason()).isNotNull();
        }
        assertThat(told).hasSize(1);
        assertThat(told.get(0)).contains("state.db").contains("cannot be used").contains("hashed again");
    }

    @Test
    void aUsableDatabaseSaysNothing() throws Exception {
        List<String> told = new ArrayList<>();
        Path file = Files.writeString(tmp.resolve("data.txt"), "x");
        try (StateDb state = new StateDb(tmp.resolve("state").resolve("state.db"), told::add)) {
            state.putTrusted(FileStat.of(file), "md5", "9dd4e461268c8034f5c8564e155c67a6");
            state.flush();
        }
        try (StateDb state = new StateDb(tmp.resolve("state").resolve("state.db"), told::add)) {
            assertThat(state.get(FileStat.of(file), "md5")).isEqualTo("9dd4e461268c8034f5c8564e155c67a6");
            assertThat(state.unavailableReason()).isNull();
        }
        assertThat(told).isEmpty();
    }
}
