package dev.lantern.translator.bench;

import static dev.lantern.shared.testing.bench.BenchmarkLog.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lantern.shared.testing.bench.BenchmarkOptions;
import dev.lantern.shared.testing.bench.LoadAverage;
import dev.lantern.shared.testing.bench.PackagedApp;
import dev.lantern.shared.testing.bench.RepositoryRoot;
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
 * The translator's resident memory around one long text: RSS of the packaged app when idle, its peak during one
 * 20,000-character request (the API's limit), right after the answer and 30 s later, and the request's time. The
 * text is news, what people paste: for EN→DE CNN/DailyMail articles ({@code shared/data/summarization}), for DE→EN
 * the German side of the WMT news test sets ({@code shared/data/news}), a paragraph every five sentences. With
 * {@code --baseline-jar} the same runs alternate with another build of the app (e.g. the previous commit's), and
 * every figure is also given as a ratio to it.
 *
 * <pre>
 * ./mvnw -pl translator -am package -DskipTests
 * ./mvnw -q -pl translator exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.lantern.translator.bench.TranslatorMemoryBenchmark \
 *     -Dexec.args="--baseline-jar=/tmp/baseline/translator/target/quarkus-app/quarkus-run.jar --runs=2"
 * </pre>
 *
 * Options (--name=value): --jar (default translator/target/quarkus-app/quarkus-run.jar), --baseline-jar (none),
 * --runs=N per jar (2), --chars (20000), --settle=SECONDS after the answer (30), --heap (256m, the edge archive's),
 * --port (18094), --pair (en-de or de-en).
 */
public final class TranslatorMemoryBenchmark {

    private TranslatorMemoryBenchmark() {}

    record Run(String jar, long idleMb, long peakMb, long afterMb, long settledMb, double seconds) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchmarkOptions.parse(args);
        Path repo = RepositoryRoot.find();
        Path jar = repo.resolve(options.getOrDefault("jar", "translator/target/quarkus-app/quarkus-run.jar"));
        Path baseline = options.containsKey("baseline-jar") ? Path.of(options.get("baseline-jar")) : null;
        int runs = Integer.parseInt(options.getOrDefault("runs", "2"));
        int chars = Integer.parseInt(options.getOrDefault("chars", "20000"));
        Duration settle = Duration.ofSeconds(Long.parseLong(options.getOrDefault("settle", "30")));
        String pair = options.getOrDefault("pair", "en-de");
        String text = switch (pair) {
            case "en-de" -> newsText(repo.resolve("../shared/data/summarization/cnndm-validation-rows300-994.jsonl")
                    .normalize(), chars);
            case "de-en" -> germanNews(repo.resolve("../shared/data/news/eng-deu-wmt-newstest2008-2018.tsv.gz")
                    .normalize(), chars);
            default -> throw new IllegalArgumentException("--pair: en-de or de-en, not " + pair);
        };
        String body = new ObjectMapper().writeValueAsString(Map.of("text", text, "source", pair.substring(0, 2),
                "target", pair.substring(3)));
        log("%d characters of news, %s; %d run(s) per jar; settle %d s", text.length(), pair, runs,
                settle.toSeconds());

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Run> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            if (baseline != null) {
                results.add(measure(repo, baseline, "baseline", options, pair, client, body, settle));
            }
            results.add(measure(repo, jar, "this build", options, pair, client, body, settle));
        }
        System.out.println("| jar | RSS idle MB | peak MB | right after MB | " + settle.toSeconds()
                + " s after MB | after − idle MB | seconds |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Run r : results) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.1f |%n", r.jar(), r.idleMb(), r.peakMb(),
                    r.afterMb(), r.settledMb(), r.afterMb() - r.idleMb(), r.seconds());
        }
        if (baseline != null) {
            Run b = mean(results, "baseline");
            Run t = mean(results, "this build");
            System.out.printf(Locale.ROOT, "%nMeans, this build ÷ baseline: after − idle %.2f, peak − idle %.2f,"
                    + " seconds %.2f.%n", (double) (t.afterMb() - t.idleMb()) / (b.afterMb() - b.idleMb()),
                    (double) (t.peakMb() - t.idleMb()) / (b.peakMb() - b.idleMb()), t.seconds() / b.seconds());
        }
        System.out.printf(Locale.ROOT, "%d cores; load average at end %s.%n",
                Runtime.getRuntime().availableProcessors(), LoadAverage.oneMinute());
    }

    private static Run measure(Path repo, Path jar, String name, Map<String, String> options, String pair,
            HttpClient client, String body, Duration settle) throws Exception {
        int port = Integer.parseInt(options.getOrDefault("port", "18094"));
        PackagedApp.Launch launch = new PackagedApp.Launch(jar, port, repo.resolve("target/djl-cache"),
                repo.resolve("target/translator-memory-benchmark.log"), "/api/translate/languages",
                response -> response.statusCode() == 200 && !response.body().contains("\"loading\""),
                Map.of(), List.of("-Xmx" + options.getOrDefault("heap", "256m"), "-Dlantern.translator.pairs=" + pair));
        try (PackagedApp app = PackagedApp.start(launch, client)) {
            long pid = app.process().pid();
            Thread.sleep(3000); // the load's last frees and the JIT's first compilations settle
            long idle = rssMb(pid);
            long[] peak = {idle};
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        peak[0] = Math.max(peak[0], rssMb(pid));
                        Thread.sleep(100);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(app.base()
                    + "/api/translate")).timeout(Duration.ofMinutes(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - start) / 1e9;
            long after = rssMb(pid);
            sampler.interrupt();
            sampler.join();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            Thread.sleep(settle.toMillis());
            Run run = new Run(name, idle, Math.max(peak[0], after), after, rssMb(pid), seconds);
            log("%s: %s", name, run);
            return run;
        }
    }

    private static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    private static Run mean(List<Run> runs, String name) {
        List<Run> of = runs.stream().filter(r -> r.jar().equals(name)).toList();
        return new Run(name, (long) of.stream().mapToLong(Run::idleMb).average().orElse(0),
                (long) of.stream().mapToLong(Run::peakMb).average().orElse(0),
                (long) of.stream().mapToLong(Run::afterMb).average().orElse(0),
                (long) of.stream().mapToLong(Run::settledMb).average().orElse(0),
                of.stream().mapToDouble(Run::seconds).average().orElse(0));
    }

    /** Whole articles, paragraph after paragraph, up to {@code chars} characters. */
    private static String newsText(Path jsonl, int chars) throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder text = new StringBuilder();
        try (BufferedReader in = Files.newBufferedReader(jsonl)) {
            String line;
            while ((line = in.readLine()) != null && text.length() < chars) {
                JsonNode article = json.readTree(line).get("article");
                text.append(article.asText()).append("\n\n");
            }
        }
        return text.substring(0, Math.min(chars, text.length())).strip();
    }

    /** German news sentences in file order, a paragraph every five, up to {@code chars} characters. */
    private static String germanNews(Path tsvGz, int chars) throws IOException {
        StringBuilder text = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(tsvGz)), StandardCharsets.UTF_8))) {
            String line;
            for (int n = 1; (line = in.readLine()) != null && text.length() < chars; n++) {
                text.append(line.split("\t")[1]).append(n % 5 == 0 ? "\n\n" : " ");
            }
        }
        return text.substring(0, Math.min(chars, text.length())).strip();
    }
}
