package dev.lantern.shared.testing.bench;

import static dev.lantern.shared.testing.bench.BenchmarkLog.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Quarkus app ({@code target/quarkus-app/quarkus-run.jar}, its native executable, or an edge distribution's
 * launcher) started as a child process on 127.0.0.1 with DJL offline, its output in a log file, stopped on
 * {@link #close}.
 */
public final class PackagedApp implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /**
     * Decides from an answer of the readiness path whether the app is ready: true when it is, false to keep waiting;
     * throws when the app is up but not in the state the benchmark needs.
     */
    @FunctionalInterface
    public interface Readiness {
        boolean ready(HttpResponse<String> response);
    }

    /**
     * What to start: the jar or native executable, its port on loopback, the DJL cache folder, the log file, the
     * readiness path and check, and the app's own settings as environment variables and system properties
     * ({@code -D...}, which a native executable takes too; other JVM options only for a jar).
     */
    public record Launch(Path artifact, int port, Path djlCache, Path logFile, String readyPath, Readiness readiness,
            Map<String, String> env, List<String> jvmArgs) {}

    private final Process process;
    private final URI base;
    private final Path logFile;
    private final Thread killOnExit;

    private PackagedApp(Process process, URI base, Path logFile) {
        this.process = process;
        this.base = base;
        this.logFile = logFile;
        // an interrupted benchmark (Ctrl-C) must not leave a server holding the port
        this.killOnExit = new Thread(process::destroyForcibly, "bench-server-killer");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * {@code /q/health/ready} answering 200 whose checks say "ready": readiness is also "up" when a model failed to
     * load (the app keeps serving the rest), so the model state in the answer counts too.
     */
    public static Readiness healthReady(String what) {
        return response -> {
            if (response.statusCode() != 200) {
                return false;
            }
            if (!response.body().contains("\"ready\"")) {
                throw new IllegalStateException("the app is up but " + what + " is not ready: " + response.body());
            }
            return true;
        };
    }

    /**
     * What the module's last package built, as Quarkus recorded it in {@code target/quarkus-artifact.properties}:
     * the native executable after {@code -Pnative}, else {@code target/quarkus-app/quarkus-run.jar}.
     */
    public static Path builtArtifact(Path target) {
        Path recorded = target.resolve("quarkus-artifact.properties");
        if (Files.isRegularFile(recorded)) {
            Properties properties = new Properties();
            try (var in = Files.newInputStream(recorded)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if ("native".equals(properties.getProperty("type"))) {
                return target.resolve(properties.getProperty("path"));
            }
        }
        return target.resolve("quarkus-app/quarkus-run.jar");
    }

    public static PackagedApp start(Launch launch, HttpClient client) throws IOException, InterruptedException {
        Path artifact = launch.artifact();
        if (!Files.isRegularFile(artifact)) {
            throw new IllegalStateException(artifact + " is missing: build it with ./mvnw -o install -DskipTests"
                    + " (-pl <module> -am)");
        }
        boolean jar = artifact.getFileName().toString().endsWith(".jar");
        List<String> command = new ArrayList<>();
        if (jar) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        } else {
            command.add(artifact.toAbsolutePath().toString());
        }
        command.addAll(List.of("-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true"));
        command.addAll(launch.jvmArgs());
        if (jar) {
            command.addAll(List.of("-jar", artifact.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DJL_CACHE_DIR", launch.djlCache().toString());
        builder.environment().put("ENGINE_CACHE_DIR", launch.djlCache().toString());
        builder.environment().putAll(launch.env());
        return run(builder, launch.port(), launch.logFile(), launch.readyPath(), launch.readiness(), client);
    }

    /**
     * Starts an edge distribution's {@code bin/} launcher as its user would, with {@code env} added (the launcher
     * itself says where the natives and caches are), and waits until {@code readiness} holds.
     */
    public static PackagedApp startLauncher(Path launcher, int port, Path logFile, Map<String, String> env,
            Readiness readiness, HttpClient client) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString());
        builder.environment().putAll(env);
        return run(builder, port, logFile, "/q/health/ready", readiness, client);
    }

    private static PackagedApp run(ProcessBuilder builder, int port, Path logFile, String readyPath,
            Readiness readiness, HttpClient client) throws IOException, InterruptedException {
        if (portAnswers(port)) {
            throw new IllegalStateException("127.0.0.1:" + port + " is already in use; stop what runs there"
                    + " or pass --port");
        }
        Files.createDirectories(logFile.getParent());
        builder.redirectErrorStream(true).redirectOutput(logFile.toFile());
        Map<String, String> env = builder.environment();
        // no QUARKUS_HTTP_HOST: every app listens on 127.0.0.1 by default, which the apps' own tests so keep true
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.putIfAbsent("LANTERN_OFFLINE", "true");
        env.put("DJL_OFFLINE", "true");
        env.put("OPT_OUT_TRACKING", "true");
        log("starting %s on 127.0.0.1:%d (log %s)", builder.command(), port, logFile);
        PackagedApp app = new PackagedApp(builder.start(), URI.create("http://127.0.0.1:" + port), logFile);
        try {
            app.awaitReady(client, readyPath, readiness);
        } catch (RuntimeException | IOException | InterruptedException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** Where the app listens, as http://127.0.0.1:PORT. */
    public URI base() {
        return base;
    }

    public Path logFile() {
        return logFile;
    }

    /** The app's process, for a test that signals it itself. */
    public Process process() {
        return process;
    }

    private void awaitReady(HttpClient client, String readyPath, Readiness readiness)
            throws IOException, InterruptedException {
        long startNanos = System.nanoTime();
        long deadline = startNanos + READY_TIMEOUT.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + readyPath)).timeout(Duration.ofSeconds(5)).GET()
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + "; see " + logFile
                        + ":\n" + logTail());
            }
            try {
                if (readiness.ready(client.send(ready, HttpResponse.BodyHandlers.ofString()))) {
                    log("app ready after %.1f s", (System.nanoTime() - startNanos) / 1e9);
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens only once Quarkus has started
            }
            Thread.sleep(50); // often: a test may act the moment the app is ready
        }
        throw new IllegalStateException("the app was not ready within " + READY_TIMEOUT.toSeconds() + " s; see "
                + logFile + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM for a graceful Quarkus shutdown, then SIGKILL if it takes too long. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDownAlready) {
            // the hook runs anyway and finds the process gone
        }
        log("app stopped");
    }

    /** Whether something accepts connections on 127.0.0.1:{@code port}. */
    public static boolean portAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
