package dev.lantern.translator.bench;

import static dev.lantern.shared.testing.bench.BenchmarkLog.log;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.shared.generation.SearchOptions;
import dev.lantern.shared.testing.bench.BenchmarkOptions;
import dev.lantern.shared.testing.bench.ClosedLoopLoad.Result;
import dev.lantern.shared.testing.bench.ClosedLoopLoad;
import dev.lantern.shared.testing.bench.DjlCache;
import dev.lantern.shared.testing.bench.LoadAverage;
import dev.lantern.shared.testing.bench.PackagedApp;
import dev.lantern.shared.testing.bench.RepositoryRoot;
import dev.lantern.translator.model.TranslationModel;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Sentences per second and p50 / p99 latency of one call, translating Multi30k validation sentences with a model
 * folder: in-process ({@link TranslationModel#translate}, as each worker of the app calls it) with greedy search and
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
        Map<String, String> options = BenchmarkOptions.parse(args);
        Path repo = RepositoryRoot.find();
        if (!options.containsKey("model")) {
            throw new IllegalArgumentException("--model=FOLDER is required (a TrainTranslator model folder, en→de)");
        }
        Path model = resolve(repo, options.get("model"));
        String threads = options.getOrDefault("threads", "1");
        System.setProperty("ai.djl.pytorch.num_threads", threads);
        DjlEnvironment.lockDown();
        Path djlCache = repo.resolve("target/djl-cache");
        DjlCache.useUnlessSet(djlCache);
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "30")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "3")));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        int port = Integer.parseInt(options.getOrDefault("port", "18084"));
        List<String> sentences = sentences(resolve(repo, options.getOrDefault("data",
                "../shared/data/multi30k/val.en.gz")));
        log("%d sentences of %.0f characters on average; model %s; %s intra-op thread(s); warm-up %d s, measured"
                + " %d s per scenario", sentences.size(), sentences.stream().mapToInt(String::length).average()
                        .orElse(0), model, threads, warmUp.toSeconds(), duration.toSeconds());

        ClosedLoopLoad load = new ClosedLoopLoad(warmUp, duration);
        List<Result> results = new ArrayList<>();
        SearchOptions beam = new SearchOptions(4, 1.0, 128);
        SearchOptions greedy = SearchOptions.greedy(128);
        try (TranslationModel translator = TranslationModel.load(model, Device.cpu())) {
            results.add(measure(load, "in-process, beam 4, batch 1", 1, 1, sentences,
                    batch -> translator.translate(batch, beam, BATCH)));
            results.add(measure(load, "in-process, greedy, batch 1", 1, 1, sentences,
                    batch -> translator.translate(batch, greedy, BATCH)));
            results.add(measure(load, "in-process, beam 4, batch 32", 1, BATCH, sentences,
                    batch -> translator.translate(batch, beam, BATCH)));
            results.add(measure(load, "in-process, greedy, batch 32", 1, BATCH, sentences,
                    batch -> translator.translate(batch, greedy, BATCH)));
        }

        if (!options.getOrDefault("http", "true").equals("false")) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            ObjectMapper json = new ObjectMapper();
            PackagedApp.Launch launch = new PackagedApp.Launch(
                    repo.resolve("translator/target/quarkus-app/quarkus-run.jar"), port, djlCache,
                    repo.resolve("target/translator-benchmark-server.log"), "/api/translate/languages",
                    TranslatorBenchmark::enDeReady,
                    Map.of("LANTERN_MODELS_CACHE", repo.resolve("translator/target/model-cache").toString()),
                    List.of("-Dlantern.translator.pairs=en-de", "-Dlantern.translator.models.\"en-de\".dir=" + model,
                            "-Dlantern.translator.batching.threads=" + threads));
            try (PackagedApp app = PackagedApp.start(launch, client)) {
                URI translate = URI.create(app.base() + "/api/translate");
                ClosedLoopLoad.Call<List<String>> http = batch -> {
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
                };
                results.add(measure(load, "HTTP, beam 4, batch 1, 1 client", 1, 1, sentences, http));
                results.add(measure(load, "HTTP, beam 4, batch 32, 1 client", 1, BATCH, sentences, http));
                results.add(measure(load, "HTTP, beam 4, batch 1, " + concurrency + " clients", concurrency, 1,
                        sentences, http));
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
                Runtime.getRuntime().availableProcessors(), LoadAverage.oneMinute());
    }

    private static Path resolve(Path repo, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : repo.resolve(p).normalize();
    }

    /** Calls of {@code batch} sentences each: call k gets sentences k * batch onwards, cycling over the file. */
    private static Result measure(ClosedLoopLoad load, String name, int clients, int batch, List<String> sentences,
            ClosedLoopLoad.Call<List<String>> call) throws InterruptedException {
        return load.measure(name, clients, batch, k -> {
            List<String> chunk = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                chunk.add(sentences.get((int) Math.floorMod((long) k * batch + i, sentences.size())));
            }
            return chunk;
        }, call);
    }

    /** The languages endpoint lists en-de as "ready" once its model has loaded, "loading" before. */
    private static boolean enDeReady(HttpResponse<String> response) {
        if (response.statusCode() != 200 || response.body().contains("\"loading\"")) {
            return false;
        }
        if (!response.body().contains("\"ready\"")) {
            throw new IllegalStateException("the en-de model is not ready: " + response.body());
        }
        return true;
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
}
