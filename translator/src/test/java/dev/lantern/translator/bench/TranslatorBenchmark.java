package dev.lantern.translator.bench;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.shared.generation.SearchOptions;
import dev.lantern.translator.model.SentenceTranslator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * Sentences per second and p50 / p99 latency of one call, translating Multi30k validation sentences with a model
 * folder: in-process ({@link SentenceTranslator#translate}, as each worker of the app calls it) with greedy search and
 * beam 4, 1 and 32 sentences per call; and over HTTP against the standalone translator app started from its packaged
 * jar with the same model (beam 4, the default), 1 or 32 sentences per request, 1 and 8 clients. Every row is also
 * given as a ratio to the baseline of the same run: in-process, beam 4, 1 sentence per call.
 *
 * <pre>
 * ./mvnw -q install -pl translator -am -DskipTests
 * ./mvnw -q -pl translator exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.lantern.translator.bench.TranslatorBenchmark \
 *     -Dexec.args="--model=translator/target/translator-en-de/model --duration=30"
 * </pre>
 *
 * Options (--name=value): --model=FOLDER (required; an en→de model), --duration=SECONDS (30), --warmup=SECONDS (3),
 * --concurrency=N (8), --port=PORT (18084), --threads=N PyTorch intra-op threads in both (default 1, the app's),
 * --data=FILE of source sentences, one a line, gzip or not (default Multi30k val.en.gz), --http=false to skip HTTP.
 */
public final class TranslatorBenchmark {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    private static final int BATCH = 32;

    private TranslatorBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        Path repo = repositoryRoot();
        if (!options.containsKey("model")) {
            throw new IllegalArgumentException("--model=FOLDER is required (a TrainTranslator model folder, en→de)");
        }
        Path model = resolve(repo, options.get("model"));
        String threads = options.getOrDefault("threads", "1");
        System.setProperty("ai.djl.pytorch.num_threads", threads);
        DjlEnvironment.lockDown();
        Path djlCache = repo.resolve("target/djl-cache");
        System.setProperty("DJL_CACHE_DIR", System.getenv().getOrDefault("DJL_CACHE_DIR", djlCache.toString()));
        System.setProperty("ENGINE_CACHE_DIR", System.getenv().getOrDefault("ENGINE_CACHE_DIR", djlCache.toString()));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "30")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "3")));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        int port = Integer.parseInt(options.getOrDefault("port", "18084"));
        List<String> sentences = sentences(resolve(repo, options.getOrDefault("data",
                "../shared/data/multi30k/val.en.gz")));
        log("%d sentences of %.0f characters on average; model %s; %s intra-op thread(s); warm-up %d s, measured"
                + " %d s per scenario", sentences.size(), sentences.stream().mapToInt(String::length).average()
                        .orElse(0), model, threads, warmUp.toSeconds(), duration.toSeconds());

        List<Result> results = new ArrayList<>();
        SearchOptions beam = new SearchOptions(4, 1.0, 128);
        SearchOptions greedy = SearchOptions.greedy(128);
        try (SentenceTranslator translator = SentenceTranslator.load(model, Device.cpu())) {
            results.add(measure("in-process, beam 4, batch 1", 1, 1, warmUp, duration, sentences,
                    batch -> translator.translate(batch, beam, BATCH)));
            results.add(measure("in-process, greedy, batch 1", 1, 1, warmUp, duration, sentences,
                    batch -> translator.translate(batch, greedy, BATCH)));
            results.add(measure("in-process, beam 4, batch 32", 1, BATCH, warmUp, duration, sentences,
                    batch -> translator.translate(batch, beam, BATCH)));
            results.add(measure("in-process, greedy, batch 32", 1, BATCH, warmUp, duration, sentences,
                    batch -> translator.translate(batch, greedy, BATCH)));
        }

        if (!options.getOrDefault("http", "true").equals("false")) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            ObjectMapper json = new ObjectMapper();
            try (StartedApp app = StartedApp.start(repo, model, threads, port, djlCache, client)) {
                URI translate = URI.create(app.base() + "/api/translate");
                Request http = batch -> {
                    // one sentence a line: the service translates every line's sentences as one batch
                    String body = json.writeValueAsString(Map.of("text", String.join("\n", batch), "source", "en",
                            "target", "de"));
                    HttpRequest post = HttpRequest.newBuilder(translate).timeout(REQUEST_TIMEOUT)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                    }
                    return response;
                };
                results.add(measure("HTTP, beam 4, batch 1, 1 client", 1, 1, warmUp, duration, sentences, http));
                results.add(measure("HTTP, beam 4, batch 32, 1 client", 1, BATCH, warmUp, duration, sentences,
                        http));
                results.add(measure("HTTP, beam 4, batch 1, " + concurrency + " clients", concurrency, 1, warmUp,
                        duration, sentences, http));
            }
        }

        Result base = results.get(0);
        System.out.println("| path | sentences/s | p50 ms | p99 ms | sentences/s ÷ baseline | p50 ÷ baseline |");
        System.out.println("|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.0f | %.0f | %.2f | %.2f |%n", r.name(), r.perSecond(),
                    r.p50(), r.p99(), r.perSecond() / base.perSecond(), r.p50() / base.p50());
        }
        System.out.printf(Locale.ROOT, "%nLatency is per call or request (of 1 or 32 sentences); %d s measured per"
                + " scenario; %d cores; load average at end %s.%n", duration.toSeconds(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
    }

    private static Path resolve(Path repo, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : repo.resolve(p).normalize();
    }

    private static List<String> sentences(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        var raw = Files.newInputStream(file);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface Request {
        Object run(List<String> batch) throws Exception;
    }

    private record Result(String name, double perSecond, double p50, double p99) {}

    private static Result measure(String name, int clients, int batch, Duration warmUp, Duration duration,
            List<String> sentences, Request request) throws InterruptedException {
        log("%s: warm-up", name);
        runFor(clients, batch, warmUp, sentences, request, null);
        log("%s: measuring", name);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        runFor(clients, batch, duration, sentences, request, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        Result result = new Result(name, sorted.size() * batch / seconds, percentile(sorted, 0.5),
                percentile(sorted, 0.99));
        log("%s: %d calls, %.1f sentences/s, p50 %.0f ms, p99 %.0f ms", name, sorted.size(), result.perSecond(),
                result.p50(), result.p99());
        return result;
    }

    private static void runFor(int clients, int batch, Duration window, List<String> sentences, Request request,
            List<Long> latencies) throws InterruptedException {
        long end = System.nanoTime() + window.toNanos();
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < clients; t++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < end && failures.isEmpty()) {
                    List<String> chunk = new ArrayList<>(batch);
                    for (int i = 0; i < batch; i++) {
                        chunk.add(sentences.get(Math.floorMod(next.getAndIncrement(), sentences.size())));
                    }
                    long start = System.nanoTime();
                    try {
                        request.run(chunk);
                    } catch (Exception e) {
                        failures.add(e);
                        return;
                    }
                    long finished = System.nanoTime();
                    if (latencies != null && finished <= end) {
                        latencies.add(finished - start);
                    }
                }
            });
            client.start();
            threads.add(client);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a request failed: " + failures.get(0), failures.get(0));
        }
    }

    private static double percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    /** The standalone translator app from its packaged jar, serving en-de from the model folder, stopped on close. */
    private record StartedApp(Process process, URI base) implements AutoCloseable {

        static StartedApp start(Path repo, Path model, String threads, int port, Path djlCache, HttpClient client)
                throws Exception {
            Path jar = repo.resolve("translator/target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build it with ./mvnw install -pl translator -am"
                        + " -DskipTests");
            }
            Path log = repo.resolve("target/translator-benchmark-server.log");
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
                    "-Dlantern.translator.pairs=en-de", "-Dlantern.translator.models.\"en-de\".dir=" + model,
                    "-Dlantern.translator.batching.threads=" + threads, "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.http.port=" + port, "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("LANTERN_OFFLINE", "true");
            env.put("LANTERN_MODELS_CACHE", repo.resolve("translator/target/model-cache").toString());
            env.put("DJL_CACHE_DIR", djlCache.toString());
            env.put("ENGINE_CACHE_DIR", djlCache.toString());
            env.put("DJL_OFFLINE", "true");
            env.put("OPT_OUT_TRACKING", "true");
            log("starting %s on 127.0.0.1:%d (log %s)", jar, port, log);
            StartedApp app = new StartedApp(builder.start(), URI.create("http://127.0.0.1:" + port));
            try {
                app.awaitReady(client, log);
            } catch (Exception e) {
                app.close();
                throw e;
            }
            return app;
        }

        private void awaitReady(HttpClient client, Path log) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/api/translate/languages"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the app exited; see " + log);
                }
                try {
                    HttpResponse<String> response = client.send(ready, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && !response.body().contains("\"loading\"")) {
                        if (!response.body().contains("\"ready\"")) {
                            throw new IllegalStateException("the en-de model is not ready: " + response.body());
                        }
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // still starting
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("the app did not get ready in 180 s; see " + log);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("translator")) && Files.isDirectory(dir.resolve("apps")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the repository");
        }
        return dir;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    }
}
