package dev.lantern.shared.testing;

import dev.lantern.shared.testing.bench.PackagedApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * An app's edge distribution, {@code target/lantern-<app>-<version>-<platform>.tar.gz} (or, after {@code -Pnative},
 * {@code target/lantern-<app>-native-<platform>.tar.gz}), unpacked into a folder and run by its own launcher as a user
 * would: a fresh home folder and temporary folder, model files from the test mirror.
 */
public final class EdgeDistribution {

    private final String app;
    private final Path root;

    private EdgeDistribution(String app, Path root) {
        this.app = app;
        this.root = root;
    }

    /** Whether the module's last package built the native executable ({@code -Pnative}), and so its native archive. */
    public static boolean nativeBuild() {
        return !PackagedApp.builtArtifact(Path.of("target")).getFileName().toString().endsWith(".jar");
    }

    /** Unpacks the archive that {@code package} built in the module under test (the working folder of its tests). */
    private static EdgeDistribution unpack(String app, Path into) throws IOException, InterruptedException {
        // the JVM archive is lantern-<app>-<version>-..., the native one lantern-<app>-native-...
        String pattern = nativeBuild() ? "lantern-" + app + "-native-.*\\.tar\\.gz"
                : "lantern-" + app + "-\\d.*\\.tar\\.gz";
        if (!nativeBuild()) {
            Assumptions.assumeFalse(Boolean.getBoolean("edge.skip"), "built with -Dedge.skip: no archive to run");
        }
        Path archive;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            archive = files.filter(f -> f.getFileName().toString().matches(pattern)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No edge archive in target/: run ./mvnw package"));
        }
        Process tar = new ProcessBuilder("tar", "-C", into.toString(), "-xzf", archive.toString()).inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("tar could not unpack " + archive);
        }
        try (Stream<Path> folders = Files.list(into)) {
            Path root = folders.filter(f -> f.getFileName().toString().startsWith("lantern-" + app + "-")).findFirst()
                    .orElseThrow();
            return new EdgeDistribution(app, root);
        }
    }

    /** What a test does with the running app. */
    @FunctionalInterface
    public interface Requests {
        void send(PackagedApp app, HttpClient client) throws Exception;
    }

    /**
     * What a run left behind: what is in the home folder (files and folders, empty ones too: JNA's unpack folder
     * stays behind empty), the files in the temporary folder (where Quarkus makes its empty {@code uploads} and
     * {@code vertx-cache} folders), and the natives folder's files before and after ({@code natives/}, or a native
     * archive's {@code lib/}).
     */
    public record Footprint(List<String> homeEntries, List<String> tempFiles, List<String> nativesBefore,
            List<String> nativesAfter, List<String> classDataCache) {}

    /**
     * Unpacks the app's archive into {@code temp}, starts it with a fresh home folder, sends {@code requests}, stops
     * it (which writes the class-data cache) and says what the run wrote where.
     */
    public static Footprint run(String app, Path temp, Requests requests) throws Exception {
        EdgeDistribution distribution = unpack(app, temp);
        Path nativesFolder = distribution.root.resolve(nativeBuild() ? "lib" : "natives");
        List<String> natives = filesUnder(nativesFolder);
        HttpClient client = HttpClient.newHttpClient();
        try (PackagedApp running = distribution.start(temp, client)) {
            requests.send(running, client);
        }
        return new Footprint(entriesUnder(temp.resolve("home")), filesUnder(temp.resolve("tmp")), natives,
                filesUnder(nativesFolder), filesUnder(distribution.root.resolve("cache")));
    }

    /** How a run ended that was sent SIGTERM the moment it was ready: its status, its log, the JVM's crash reports. */
    public record Stop(int exitValue, String log, List<String> crashReports) {}

    /**
     * Unpacks the app's archive into {@code temp} and starts it {@code times} times, each time sending SIGTERM the
     * moment it is ready, while its first full batch still runs; the first run records the class-data cache.
     */
    public static List<Stop> stopEachTheMomentItIsReady(String app, Path temp, int times) throws Exception {
        EdgeDistribution distribution = unpack(app, temp);
        Path crashes = Files.createDirectories(temp.resolve("crashes"));
        // a native executable has no HotSpot error files: its crash report goes to its log
        String[] options = nativeBuild() ? new String[0]
                : new String[] {"-XX:ErrorFile=" + crashes.resolve("hs_err_pid%p.log")};
        HttpClient client = HttpClient.newHttpClient();
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            try (PackagedApp running = distribution.start(temp, client, options)) {
                running.process().destroy();
                boolean exited = running.process().waitFor(30, TimeUnit.SECONDS);
                stops.add(new Stop(exited ? running.process().exitValue() : -1, Files.readString(running.logFile()),
                        filesUnder(crashes)));
            }
        }
        return stops;
    }

    /**
     * Starts {@code bin/lantern-<app>} with {@code temp/home} as the home folder and {@code temp/tmp} as the temporary
     * folder, and waits until the app is ready.
     */
    private PackagedApp start(Path temp, HttpClient client, String... javaOptions)
            throws IOException, InterruptedException {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        List<String> options = new ArrayList<>(List.of("-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp));
        options.addAll(List.of(javaOptions));
        return PackagedApp.startLauncher(root.resolve("bin/lantern-" + app), freePort(),
                root.resolveSibling(app + ".log"), Map.of(
                        "HOME", home.toString(),
                        "TMPDIR", tmp.toString(),
                        "JAVA_OPTS", String.join(" ", options),
                        "LANTERN_MODELS_DIR", TestData.models().toString()),
                PackagedApp.healthReady("the " + app), client);
    }

    /** Every file and folder under {@code folder}, relative to it and sorted; empty when it does not exist. */
    static List<String> entriesUnder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.walk(folder)) {
            return entries.filter(f -> !f.equals(folder)).map(f -> folder.relativize(f).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code folder}, relative to it and sorted; empty when the folder does not exist. */
    public static List<String> filesUnder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
