package dev.lantern.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A setting out of range stops the packaged suite at start, naming the property: before, the suite started, readiness
 * said UP, and every classification answered 503 "/ by zero" from the background load.
 */
class BadSettingIT {

    @Test
    void zeroWorkersStopTheStartWithOneLineNamingTheProperty(@TempDir Path temp) throws Exception {
        Path log = temp.resolve("suite.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LANTERN_CLASSIFIER_BATCHING_WORKERS", "0");
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        Process suite = builder.start();
        try {
            assertTrue(suite.waitFor(30, TimeUnit.SECONDS), "the suite did not stop within 30 s");
            assertNotEquals(0, suite.exitValue());
            List<String> named = Files.readAllLines(log).stream()
                    .filter(line -> line.contains("lantern.classifier.batching.workers")).toList();
            assertEquals(1, named.size(), String.join("\n", Files.readAllLines(log)));
            assertTrue(named.get(0).contains("1 or more"), named.get(0));
        } finally {
            suite.destroyForcibly();
        }
    }
}
