package io.github.dvcmaven.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the external programs the interop tests run (the real dvc in its virtualenv). A missing tool
 * aborts the test locally, and fails it when {@code CI=true}: CI must never pass by skipping.
 */
public final class ExternalTools {
    private ExternalTools() {}

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The dvc virtualenv: {@code $DVC_VENV}, else {@code .tools/dvc-venv} at the project root. */
    public static Path dvcVenv() {
        String env = System.getenv("DVC_VENV");
        Path venv =
                env != null && !env.isBlank() ? Paths.get(env) : projectRoot().resolve(".tools/dvc-venv");
        if (!Files.isExecutable(venv.resolve("bin/dvc"))) {
            missing("dvc (expected " + venv.resolve("bin/dvc") + "; run tools/install-dvc.sh or set DVC_VENV)");
        }
        return venv;
    }

    public static Path dvc() {
        return dvcVenv().resolve("bin/dvc");
    }

    /** fake-gcs-server: {@code $FAKE_GCS_SERVER}, else {@code .tools/bin/fake-gcs-server}. */
    public static Path fakeGcsServer() {
        return tool("FAKE_GCS_SERVER", ".tools/bin/fake-gcs-server", "fake-gcs-server");
    }

    /** Azurite's blob service: {@code $AZURITE_BLOB}, else {@code .tools/azurite/node_modules/.bin/azurite-blob}. */
    public static Path azuriteBlob() {
        return tool("AZURITE_BLOB", ".tools/azurite/node_modules/.bin/azurite-blob", "azurite");
    }

    private static Path tool(String envVar, String defaultPath, String what) {
        String env = System.getenv(envVar);
        Path p = env != null && !env.isBlank() ? Paths.get(env) : projectRoot().resolve(defaultPath);
        if (!Files.isExecutable(p)) {
            missing(what + " (expected " + p + "; run tools/install-test-servers.sh or set " + envVar + ")");
        }
        return p;
    }

    /** Chromium for the plots page checks: {@code $CHROMIUM}, else chromium on the PATH. */
    public static Path chromium() {
        String env = System.getenv("CHROMIUM");
        if (env != null && !env.isBlank()) {
            return tool("CHROMIUM", env, "chromium");
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
                Path p = Paths.get(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        missing("chromium (apt-get install chromium, or set CHROMIUM)");
        return null;
    }

    public static Path python() {
        return dvcVenv().resolve("bin/python");
    }

    public static void missing(String what) {
        String message = "required tool missing: " + what;
        if (inCi()) {
            fail(message + " (CI=true: interop tests may not be skipped)");
        }
        Assumptions.abort(message);
    }

    public static Path projectRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.exists(p.resolve("dvc-core"))) {
                return p;
            }
        }
        return dir;
    }

    public static Path resource(String name) {
        try {
            return Paths.get(ExternalTools.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("test resource " + name + " not found", e);
        }
    }

    public static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
