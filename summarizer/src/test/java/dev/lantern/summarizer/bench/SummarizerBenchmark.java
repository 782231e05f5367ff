package dev.lantern.summarizer.bench;

import static dev.lantern.shared.testing.bench.BenchmarkLog.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.shared.testing.bench.BenchmarkOptions;
import dev.lantern.shared.testing.bench.ClosedLoopLoad.Result;
import dev.lantern.shared.testing.bench.ClosedLoopLoad;
import dev.lantern.shared.testing.bench.DjlCache;
import dev.lantern.shared.testing.bench.LoadAverage;
import dev.lantern.shared.testing.bench.PackagedApp;
import dev.lantern.shared.testing.bench.RepositoryRoot;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
        Map<String, String> options = BenchmarkOptions.parse(args);
        Path repo = RepositoryRoot.find();
        Path djlCache = repo.resolve("target/djl-cache");
        DjlCache.useUnlessSet(djlCache);
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "20")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        int port = Integer.parseInt(options.getOrDefault("port", "18083"));
        List<String> articles = articles(Path.of(options.getOrDefault("data",
                repo.resolve("../shared/data/summarization/cnndm-validation-rows300-994.jsonl").toString())));
        double meanChars = articles.stream().mapToInt(String::length).average().orElse(0);
        log("%d articles of %.0f characters on average; warm-up %d s, measured %d s per scenario", articles.size(),
                meanChars, warmUp.toSeconds(), duration.toSeconds());

        ClosedLoopLoad load = new ClosedLoopLoad(warmUp, duration);
        List<Result> results = new ArrayList<>();
        SummarizerConfig config = new SmallRyeConfigBuilder().withMapping(SummarizerConfig.class).build()
                .getConfigMapping(SummarizerConfig.class);
        try (EmbeddingModel model = EmbeddingModel.load(config, repo.resolve("summarizer/target/model-cache"),
                new SimpleMeterRegistry())) {
            ExtractiveSummarizer summarizer = new ExtractiveSummarizer(new SentenceSplitter(), model,
                    ScorerWeights.of(config.scoring()), config.limits().maxTextSentences());
            LengthBudget three = LengthBudget.sentences(3);
            results.add(load.measure("in-process, 1 thread", 1, articles,
                    text -> summarizer.summarize(text, three).get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS)));
        }

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        PackagedApp.Launch launch = new PackagedApp.Launch(
                repo.resolve("summarizer/target/quarkus-app/quarkus-run.jar"), port, djlCache,
                repo.resolve("target/summarizer-benchmark-server.log"), "/q/health/ready",
                PackagedApp.healthReady("the summarizer model"),
                Map.of("LANTERN_MODELS_CACHE", repo.resolve("summarizer/target/model-cache").toString()), List.of());
        try (PackagedApp app = PackagedApp.start(launch, client)) {
            URI summarize = URI.create(app.base() + "/api/summarize");
            ClosedLoopLoad.Call<String> http = text -> {
                HttpRequest post = HttpRequest.newBuilder(summarize).timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("text", text))))
                        .build();
                HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                }
            };
            results.add(load.measure("HTTP, 1 client", 1, articles, http));
            results.add(load.measure("HTTP, " + concurrency + " clients", concurrency, articles, http));
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
                duration.toSeconds(), Runtime.getRuntime().availableProcessors(), LoadAverage.oneMinute());
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
}
