package dev.lantern.summarizer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.shared.text.SentenceSplitter;
import dev.lantern.summarizer.LengthBudget;
import dev.lantern.summarizer.SummarizerConfig;
import dev.lantern.summarizer.embedding.EmbeddingModel;
import dev.lantern.summarizer.extractive.ExtractiveSummarizer;
import dev.lantern.summarizer.extractive.ScorerWeights;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.BufferedReader;
import java.io.IOException;
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

/**
 * Documents per second and p50 / p99 latency of 3-sentence summaries of news articles of about 3,000 characters:
 * in-process (the {@link ExtractiveSummarizer} the app uses, loaded from the default settings), and over HTTP at
 * concurrency 1 and 8 against the standalone summarizer app started from its packaged jar on loopback. Each row is
 * also given as a ratio to the in-process figures of the same run. Clients run closed loops after a warm-up.
 *
 * <pre>
 * ./mvnw -q -o install -pl summarizer -am -DskipTests
 * ./mvnw -q -o -pl summarizer exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.lantern.summarizer.bench.SummarizerBenchmark -Dexec.args="--duration=20"
 * </pre>
 *
 * Options (--name=value): --duration=SECONDS (default 20), --warmup=SECONDS (default 5), --concurrency=N (default 8),
 * --port=PORT of the started app (default 18083), --data=JSONL of articles (default the CNN/DailyMail file).
 */
public final class SummarizerBenchmark {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private SummarizerBenchmark() {}

    public static void main(String[] args) throws Exception {
        DjlEnvironment.lockDown();
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        Path repo = repositoryRoot();
        Path djlCache = repo.resolve("target/djl-cache");
        System.setProperty("DJL_CACHE_DIR", System.getenv().getOrDefault("DJL_CACHE_DIR", djlCache.toString()));
        System.setProperty("ENGINE_CACHE_DIR", System.getenv().getOrDefault("ENGINE_CACHE_DIR", djlCache.toString()));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "20")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        int port = Integer.parseInt(options.getOrDefault("port", "18083"));
        List<String> articles = articles(Path.of(options.getOrDefault("data",
                repo.resolve("../shared/data/summarization/cnndm-validation-rows300-994.jsonl").toString())));
        double meanChars = articles.stream().mapToInt(String::length).average().orElse(0);
        log("%d articles of %.0f characters on average; warm-up %d s, measured %d s per scenario", articles.size(),
                meanChars, warmUp.toSeconds(), duration.toSeconds());

        List<Result> results = new ArrayList<>();
        SummarizerConfig config = new SmallRyeConfigBuilder().withMapping(SummarizerConfig.class).build()
                .getConfigMapping(SummarizerConfig.class);
        try (EmbeddingModel model = EmbeddingModel.load(config, repo.resolve("summarizer/target/model-cache"),
                new SimpleMeterRegistry())) {
            ExtractiveSummarizer summarizer = new ExtractiveSummarizer(new SentenceSplitter(), model,
                    ScorerWeights.of(config.scoring()));
            LengthBudget three = LengthBudget.sentences(3);
            results.add(measure("in-process, 1 thread", 1, warmUp, duration, articles,
                    text -> summarizer.summarize(text, three).get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS)));
        }

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        try (StartedApp app = StartedApp.start(repo, port, djlCache, client)) {
            URI summarize = URI.create(app.base() + "/api/summarize");
            Request http = text -> {
                HttpRequest post = HttpRequest.newBuilder(summarize).timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("text", text))))
                        .build();
                HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                }
                return response;
            };
            results.add(measure("HTTP, 1 client", 1, warmUp, duration, articles, http));
            results.add(measure("HTTP, " + concurrency + " clients", concurrency, warmUp, duration, articles, http));
        }

        Result base = results.get(0);
        System.out.println("| path | documents/s | p50 ms | p99 ms | documents/s ÷ in-process | p50 ÷ in-process |");
        System.out.println("|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.0f | %.0f | %.2f | %.2f |%n", r.name(), r.perSecond(),
                    r.p50(), r.p99(), r.perSecond() / base.perSecond(), r.p50() / base.p50());
        }
        System.out.printf(Locale.ROOT, "%n%d articles of %.0f characters on average, 3 sentences each; %d s measured"
                + " per scenario; %d cores; load average at end %s.%n", articles.size(), meanChars,
                duration.toSeconds(), Runtime.getRuntime().availableProcessors(), loadAverage());
    }

    /** Articles of 2,500 to 3,500 characters, so that each request is "about 3,000 characters". */
    private static List<String> articles(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null && out.size() < 100) {
                String text = json.readTree(line).path("article").asText();
                if (text.length() >= 2500 && text.length() <= 3500) {
                    out.add(text);
                }
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface Request {
        Object run(String text) throws Exception;
    }

    private record Result(String name, double perSecond, double p50, double p99) {}

    private static Result measure(String name, int threads, Duration warmUp, Duration duration, List<String> articles,
            Request request) throws InterruptedException {
        log("%s: warm-up", name);
        runFor(threads, warmUp, articles, request, null);
        log("%s: measuring", name);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        runFor(threads, duration, articles, request, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        Result result = new Result(name, sorted.size() / seconds, percentile(sorted, 0.5), percentile(sorted, 0.99));
        log("%s: %d documents, %.1f/s, p50 %.0f ms, p99 %.0f ms", name, sorted.size(), result.perSecond(),
                result.p50(), result.p99());
        return result;
    }

    private static void runFor(int threads, Duration window, List<String> articles, Request request,
            List<Long> latencies) throws InterruptedException {
        long end = System.nanoTime() + window.toNanos();
        AtomicInteger next = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < end && failures.isEmpty()) {
                    String text = articles.get(Math.floorMod(next.getAndIncrement(), articles.size()));
                    long start = System.nanoTime();
                    try {
                        request.run(text);
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
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
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

    /** The standalone summarizer app from its packaged jar, on loopback, stopped on close. */
    private record StartedApp(Process process, URI base) implements AutoCloseable {

        static StartedApp start(Path repo, int port, Path djlCache, HttpClient client) throws Exception {
            Path jar = repo.resolve("summarizer/target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build it with ./mvnw -o install -pl summarizer -am"
                        + " -DskipTests");
            }
            Path log = repo.resolve("target/summarizer-benchmark-server.log");
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("LANTERN_MODELS_CACHE", repo.resolve("summarizer/target/model-cache").toString());
            env.put("LANTERN_OFFLINE", "true");
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
            HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the app exited; see " + log);
                }
                try {
                    HttpResponse<String> response = client.send(ready, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        if (!response.body().contains("\"ready\"")) {
                            throw new IllegalStateException("the summarizer model is not ready: " + response.body());
                        }
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // the port opens once Quarkus has started
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("the app was not ready within 180 s; see " + log);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, format + "%n", args);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("summarizer")) && Files.isDirectory(dir.resolve("apps")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the repository");
        }
        return dir;
    }
}
