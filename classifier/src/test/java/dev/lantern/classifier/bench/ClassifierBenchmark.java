package dev.lantern.classifier.bench;

import static dev.lantern.shared.testing.bench.BenchmarkLog.log;
import ai.djl.engine.Engine;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lantern.classifier.Classification;
import dev.lantern.classifier.ClassifierConfig;
import dev.lantern.classifier.ClassifierModel;
import dev.lantern.classifier.ImageClassifier;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.shared.engine.ModelFormat;
import dev.lantern.shared.image.ImageDecoder;
import dev.lantern.shared.image.ImagePreprocessing;
import dev.lantern.shared.image.MinimumSize;
import dev.lantern.shared.model.ModelStore;
import dev.lantern.shared.testing.bench.ClosedLoopLoad;
import dev.lantern.shared.testing.bench.DjlCache;
import dev.lantern.shared.testing.bench.LoadAverage;
import dev.lantern.shared.testing.bench.PackagedApp;
import dev.lantern.shared.testing.bench.PhonePhoto;
import dev.lantern.shared.testing.bench.RepositoryRoot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Throughput and latency of the image classifier on three paths, each after a warm-up and for a fixed duration:
 *
 * <ul>
 *   <li>(a) the baseline: ONNX Runtime called directly, one thread, batch 1, default session options;
 *   <li>(b) the shared serving core: {@link ClassifierModel} (a {@code ServedModel} with the classifier's translator)
 *       loaded from the default {@link ClassifierConfig} as the app loads it, driven by 1 thread and by N threads;
 *   <li>(c) the HTTP API: raw {@code image/jpeg} bodies POSTed to {@code /api/classify} at concurrency 1 and N.
 * </ul>
 *
 * Every request includes the JPEG decode. Clients run closed loops (send, wait for the answer, send the next), cycling
 * over the test images. A Markdown table goes to stdout, progress to stderr. Run it with (see docs/benchmarks.md):
 *
 * <pre>
 * ./mvnw -q -pl classifier exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.lantern.classifier.bench.ClassifierBenchmark -Dexec.args="--duration=20"
 * </pre>
 */
public final class ClassifierBenchmark {

    private static final String USAGE = """
            Options (all optional, --name=value):
              --repo=DIR          repository root (default: the first folder up from the working directory
                                  that holds apps/ and classifier/)
              --images=DIR        JPEGs to classify (default: <repo>/../shared/testdata/images)
              --models=DIR        offline model mirror (default: <repo>/../shared/models); holds the model and labels
              --model=FILE        ONNX model (default: <models>/mobilenetv2-12-int8.onnx)
              --warmup=SECONDS    warm-up before each scenario (default 5)
              --duration=SECONDS  measured time of each scenario (default 20)
              --concurrency=N     client threads of the concurrent scenarios (default 8)
              --scenarios=LIST    any of a,b1,bN,c1,cN,w,d (default all); w: as cN, but the load comes from
                                  wrk (a C client, far lighter than the JDK's on cores it shares with the
                                  server; skipped when wrk is not installed); d: one 500×375 photo and a 12 MP
                                  phone photo made from it, each by 1 HTTP client
              --server=start|URL  'start' launches <repo>/apps/target/quarkus-app/quarkus-run.jar on 127.0.0.1:<port>
                                  and stops it at the end (default); a URL such as http://127.0.0.1:8080 uses a
                                  server that is already running
              --port=PORT         port of the started server (default 18080)
              --djl-cache=DIR     DJL_CACHE_DIR of this process and of the started server
                                  (default: <repo>/target/djl-cache)
            """;

    /** The classifier's settings with their defaults, as the app reads them (no application.properties here). */
    private static final ClassifierConfig CLASSIFIER_CONFIG = new SmallRyeConfigBuilder()
            .withMapping(ClassifierConfig.class).build().getConfigMapping(ClassifierConfig.class);

    /** What the app decodes a JPEG down to (large photos are reduced in the DCT domain). */
    private static final MinimumSize NEEDED = ImageClassifier.minimumSize(CLASSIFIER_CONFIG);

    /** The test photo that the phone-photo scenario enlarges: 500×375, the size of most ImageNet photos. */
    private static final String PHONE_PHOTO_SOURCE = "n04065272_recreational_vehicle.JPEG";

    private static final String ORT_INPUT_NAME = "input";
    private static final long[] ORT_INPUT_SHAPE = {1, 3, 224, 224};

    /** Bounds on waiting, so that a hung server or model cannot hold the benchmark forever. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A scenario whose requests keep failing is stopped: its figures would mean nothing. */
    private static final int MAX_ERRORS_PER_THREAD = 20;

    private ClassifierBenchmark() {}

    public static void main(String[] args) throws Exception {
        // before any DJL class loads: DJL must never reach the network
        DjlEnvironment.lockDown();
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        Options options = Options.parse(args);
        DjlCache.useUnlessSet(options.djlCache());

        List<TestImage> images = TestImage.readAll(options.images());
        String loadAtStart = LoadAverage.all();
        log("%d images from %s; warm-up %s s, measured %s s per scenario; load average %s", images.size(),
                options.images(), seconds(options.warmUp()), seconds(options.duration()), loadAtStart);

        List<Result> results = new ArrayList<>();
        int[] baselineTop1 = null;
        if (options.scenarios().contains("a")) {
            Result baseline = runOnnxRuntimeBaseline(options, images);
            baselineTop1 = baseline.top1();
            results.add(baseline);
        }
        if (options.scenarios().contains("b1") || options.scenarios().contains("bN")) {
            results.addAll(runServedModel(options, images));
        }
        if (options.scenarios().contains("c1") || options.scenarios().contains("cN")) {
            results.addAll(runHttp(options, images));
        }

        System.out.println(markdownTable(results, baselineTop1));
        System.out.print(ratios(results));
        System.out.printf(Locale.ROOT, "%n%d images, warm-up %s s, measured %s s per scenario; load average"
                + " (1, 5, 15 min) at start %s, at end %s.%n", images.size(), seconds(options.warmUp()),
                seconds(options.duration()), loadAtStart, LoadAverage.all());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (a) ONNX Runtime in-process

    private static Result runOnnxRuntimeBaseline(Options options, List<TestImage> images)
            throws OrtException, InterruptedException {
        ImageDecoder decoder = classifierDecoder();
        ImagePreprocessing preprocessing = ImagePreprocessing.IMAGENET; // the default configuration's
        // The OrtEnvironment is a process-wide singleton. DJL's engine creates it with threading options and fails if
        // it exists already, so the engine starts first, as in the server; the baseline then shares that environment
        // (its session still gets its own default thread pools) and leaves it open for scenario (b).
        Engine.getEngine(ModelFormat.ONNX.engineName());
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions();
                OrtSession session = environment.createSession(options.model().toString(), sessionOptions)) {
            if (!session.getInputNames().contains(ORT_INPUT_NAME)) {
                throw new IllegalStateException(options.model() + " has inputs " + session.getInputNames()
                        + ", not '" + ORT_INPUT_NAME + "'");
            }
            Request request = image -> {
                float[] chw = preprocessing.toChw(decoder.decode(images.get(image).bytes(), NEEDED));
                try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(chw), ORT_INPUT_SHAPE);
                        OrtSession.Result output = session.run(Map.of(ORT_INPUT_NAME, input))) {
                    float[][] logits = (float[][]) output.get(0).getValue();
                    return new Outcome(argMax(logits[0]), 1);
                }
            };
            return measure("(a) ONNX Runtime in-process, batch 1", 1, options, images, request);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (b) the shared serving core

    private static List<Result> runServedModel(Options options, List<TestImage> images)
            throws IOException, InterruptedException {
        ImageDecoder decoder = classifierDecoder();
        List<Result> results = new ArrayList<>();
        ModelStore store = new ModelStore(Optional.of(options.models()),
                Files.createTempDirectory("lantern-benchmark-cache"), true);
        try (ClassifierModel model = ClassifierModel.load(CLASSIFIER_CONFIG, store, new SimpleMeterRegistry())) {
            Request request = image -> {
                long start = System.nanoTime();
                BufferedImage decoded = decoder.decode(images.get(image).bytes(), NEEDED);
                Classification result = model.classify(decoded, 1, System.nanoTime() - start)
                        .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return new Outcome(result.predictions().get(0).classIndex(), result.timings().batchSize());
            };
            if (options.scenarios().contains("b1")) {
                results.add(measure("(b) ServedModel, 1 thread", 1, options, images, request));
            }
            if (options.scenarios().contains("bN")) {
                results.add(measure("(b) ServedModel, " + options.concurrency() + " threads", options.concurrency(),
                        options, images, request));
            }
        }
        return results;
    }

    /** The decoder the app makes from the default limits. */
    private static ImageDecoder classifierDecoder() {
        return ImageClassifier.decoder(CLASSIFIER_CONFIG.images(), false);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (c) HTTP

    private static final Pattern CLASS_INDEX = Pattern.compile("\"classIndex\"\\s*:\\s*(\\d+)");
    private static final Pattern BATCH_SIZE = Pattern.compile("\"batchSize\"\\s*:\\s*(\\d+)");

    private static List<Result> runHttp(Options options, List<TestImage> images) throws Exception {
        // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every new connection
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        PackagedApp server = null;
        try {
            URI base;
            if (options.server().equals("start")) {
                PackagedApp.Launch launch = new PackagedApp.Launch(
                        options.repo().resolve("apps/target/quarkus-app/quarkus-run.jar"), options.port(),
                        options.djlCache(), options.repo().resolve("target/benchmark-server.log"), "/q/health/ready",
                        PackagedApp.healthReady("the classifier"),
                        Map.of("LANTERN_MODELS_DIR", options.models().toString()), List.of());
                server = PackagedApp.start(launch, client);
                base = server.base();
            } else {
                base = URI.create(options.server().replaceAll("/+$", ""));
            }
            URI classify = URI.create(base + "/api/classify");
            Request request = httpRequest(client, classify, images);
            List<Result> results = new ArrayList<>();
            if (options.scenarios().contains("c1")) {
                results.add(measure("(c) HTTP /api/classify, 1 client", 1, options, images, request));
            }
            if (options.scenarios().contains("cN")) {
                results.add(measure("(c) HTTP /api/classify, " + options.concurrency() + " clients",
                        options.concurrency(), options, images, request));
            }
            if (options.scenarios().contains("w")) {
                Result wrk = Wrk.measure("(c) HTTP /api/classify, " + options.concurrency() + " wrk connections",
                        options.concurrency(), options, images, classify);
                if (wrk != null) {
                    results.add(wrk);
                }
            }
            if (options.scenarios().contains("d")) {
                // one photo as a camera gives it (12 MP) against the same photo as the test set has it
                TestImage photo = images.stream().filter(i -> i.name().equals(PHONE_PHOTO_SOURCE)).findFirst()
                        .orElse(images.get(0));
                List<TestImage> small = List.of(photo);
                List<TestImage> phone = List.of(new TestImage("12 MP from " + photo.name(),
                        PhonePhoto.from(options.images().resolve(photo.name()))));
                log("phone photo: %d×%d, %,d bytes", PhonePhoto.WIDTH, PhonePhoto.HEIGHT, phone.get(0).bytes().length);
                results.add(measure("(d) HTTP /api/classify, 1 client, " + photo.name(), 1, options, small,
                        httpRequest(client, classify, small)));
                results.add(measure("(d) HTTP /api/classify, 1 client, 12 MP phone photo of it", 1, options, phone,
                        httpRequest(client, classify, phone)));
            }
            return results;
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /** POSTs test image {@code image} of {@code images} as a raw JPEG body and reads the top-1 and batch size. */
    private static Request httpRequest(HttpClient client, URI classify, List<TestImage> images) {
        return image -> {
            HttpRequest post = HttpRequest.newBuilder(classify)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "image/jpeg")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(images.get(image).bytes()))
                    .build();
            HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": "
                        + abbreviate(response.body(), 300));
            }
            return new Outcome(firstInt(CLASS_INDEX, response.body()), firstInt(BATCH_SIZE, response.body()));
        };
    }

    private static int firstInt(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer: " + abbreviate(json, 300));
        }
        return Integer.parseInt(matcher.group(1));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // measurement

    /** One classification of test image {@code image}, end to end; safe to call from several threads. */
    @FunctionalInterface
    private interface Request {
        Outcome classify(int image) throws Exception;
    }

    /** What a request answered: the top-1 class id, and how many images shared its forward pass (1 if unbatched). */
    private record Outcome(int top1, int batchSize) {}

    /**
     * Classifies every image once (the top-1 ids let the table show that all paths agree with the baseline), then
     * runs {@code threads} closed-loop clients for the warm-up and the measured window. Only requests that start and
     * end inside the window count; throughput is their number over the window's length.
     */
    private static Result measure(String scenario, int threads, Options options, List<TestImage> images,
            Request request) throws InterruptedException {
        log("%s: checking answers", scenario);
        int[] top1 = new int[images.size()];
        for (int i = 0; i < images.size(); i++) {
            try {
                top1[i] = request.classify(i).top1();
            } catch (Exception e) {
                throw new IllegalStateException(scenario + " cannot classify " + images.get(i).name() + ": " + e, e);
            }
        }
        log("%s: warm-up %s s, then %s s measured", scenario, seconds(options.warmUp()),
                seconds(options.duration()));
        long windowStart = System.nanoTime() + options.warmUp().toNanos();
        long windowEnd = windowStart + options.duration().toNanos();
        List<Client> clients = new ArrayList<>();
        List<Thread> threadsRunning = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            // staggered first images, so that concurrent clients do not send the same image at the same moment
            Client client = new Client(request, images.size(), t, windowStart, windowEnd);
            Thread thread = new Thread(client, "benchmark-client-" + t);
            thread.setDaemon(true);
            clients.add(client);
            threadsRunning.add(thread);
            thread.start();
        }
        // a request in flight at the window's end still gets its full timeout before the scenario gives up
        long joinDeadline = windowEnd + REQUEST_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(5);
        for (Thread thread : threadsRunning) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinDeadline - System.nanoTime())));
            if (thread.isAlive()) {
                threadsRunning.forEach(Thread::interrupt);
                throw new IllegalStateException(scenario + ": a client is still waiting for an answer");
            }
        }
        Result result = Result.of(scenario, threads, options.duration(), clients, top1);
        log("%s: %.1f images/s, p50 %.1f ms, p99 %.1f ms%s", scenario, result.imagesPerSecond(), result.p50Millis(),
                result.p99Millis(), result.errors() > 0 ? ", " + result.errors() + " errors: " + result.firstError()
                        : "");
        return result;
    }

    /** One closed-loop client thread: its latencies (nanoseconds) and batch sizes inside the measured window. */
    private static final class Client implements Runnable {

        private final Request request;
        private final int imageCount;
        private final int firstImage;
        private final long windowStart;
        private final long windowEnd;
        // read by the measuring thread only after Thread.join, which makes the writes visible
        long[] latencies = new long[1024];
        int count;
        long batchSizeSum;
        int errors;
        String firstError;

        Client(Request request, int imageCount, int firstImage, long windowStart, long windowEnd) {
            this.request = request;
            this.imageCount = imageCount;
            this.firstImage = firstImage;
            this.windowStart = windowStart;
            this.windowEnd = windowEnd;
        }

        @Override
        public void run() {
            int image = firstImage % imageCount;
            long begin;
            while ((begin = System.nanoTime()) < windowEnd && errors < MAX_ERRORS_PER_THREAD) {
                Outcome outcome = null;
                try {
                    outcome = request.classify(image);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    errors++;
                    if (firstError == null) {
                        firstError = e.toString();
                    }
                }
                long end = System.nanoTime();
                if (outcome != null && begin >= windowStart && end <= windowEnd) {
                    record(end - begin, outcome.batchSize());
                }
                image = (image + 1) % imageCount;
            }
        }

        private void record(long latencyNanos, int batchSize) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = latencyNanos;
            batchSizeSum += batchSize;
        }
    }

    /** The figures of one scenario. */
    private record Result(String scenario, int concurrency, int requests, double imagesPerSecond, double p50Millis,
            double p99Millis, double meanBatchSize, int errors, String firstError, int[] top1) {

        static Result of(String scenario, int concurrency, Duration window, List<Client> clients, int[] top1) {
            long[] all = clients.stream().flatMapToLong(c -> Arrays.stream(c.latencies, 0, c.count)).sorted().toArray();
            long batchSum = clients.stream().mapToLong(c -> c.batchSizeSum).sum();
            int errors = clients.stream().mapToInt(c -> c.errors).sum();
            String firstError = clients.stream().map(c -> c.firstError).filter(e -> e != null).findFirst()
                    .orElse(null);
            double seconds = window.toNanos() / 1e9;
            return new Result(scenario, concurrency, all.length, all.length / seconds,
                    ClosedLoopLoad.percentileMillis(all, 0.50), ClosedLoopLoad.percentileMillis(all, 0.99),
                    all.length == 0 ? Double.NaN : (double) batchSum / all.length, errors, firstError, top1);
        }
    }

    private static String markdownTable(List<Result> results, int[] baselineTop1) {
        Result baseline = results.stream().filter(r -> r.scenario().startsWith("(a)")).findFirst().orElse(null);
        StringBuilder table = new StringBuilder();
        table.append("| Scenario | Concurrency | Images/s | p50 ms | p99 ms | Throughput vs (a) | p50 vs (a)"
                + " | p99 vs (a) | Mean batch | Requests | Errors | Top-1 as (a) |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %s | %s | %s | %.2f | %d | %d | %s |%n",
                    r.scenario(), r.concurrency(), r.imagesPerSecond(), r.p50Millis(), r.p99Millis(),
                    ratio(r.imagesPerSecond(), baseline == null ? Double.NaN : baseline.imagesPerSecond()),
                    ratio(r.p50Millis(), baseline == null ? Double.NaN : baseline.p50Millis()),
                    ratio(r.p99Millis(), baseline == null ? Double.NaN : baseline.p99Millis()),
                    r.meanBatchSize(), r.requests(), r.errors(), agreement(r.top1(), baselineTop1)));
        }
        return table.toString();
    }

    /** The two questions: how close HTTP comes to the in-process limit, and what a phone photo costs. */
    private static String ratios(List<Result> results) {
        StringBuilder out = new StringBuilder();
        Result inProcess = find(results, "(b) ServedModel, " + results.stream().filter(r -> r.scenario().startsWith(
                "(b)")).mapToInt(Result::concurrency).max().orElse(0) + " threads");
        for (Result http : results) {
            if (inProcess != null && http.scenario().startsWith("(c)") && http.concurrency() > 1) {
                out.append(String.format(Locale.ROOT, "%n%s ÷ in-process pipeline at %d threads: throughput %.2fx;"
                        + " p99 ÷ p50 = %.2f", http.scenario(), inProcess.concurrency(),
                        http.imagesPerSecond() / inProcess.imagesPerSecond(), http.p99Millis() / http.p50Millis()));
            }
        }
        out.append('\n');
        List<Result> phone = results.stream().filter(r -> r.scenario().startsWith("(d)")).toList();
        if (phone.size() == 2) {
            out.append(String.format(Locale.ROOT, "12 MP phone photo p50 ÷ 500×375 photo p50: %.2fx%n",
                    phone.get(1).p50Millis() / phone.get(0).p50Millis()));
        }
        return out.toString();
    }

    private static Result find(List<Result> results, String scenario) {
        return results.stream().filter(r -> r.scenario().equals(scenario)).findFirst().orElse(null);
    }

    private static String ratio(double value, double baseline) {
        return Double.isNaN(value) || Double.isNaN(baseline) || baseline == 0 ? "n/a"
                : String.format(Locale.ROOT, "%.2fx", value / baseline);
    }

    private static String agreement(int[] top1, int[] baselineTop1) {
        if (baselineTop1 == null || top1.length != baselineTop1.length) {
            return "n/a";
        }
        int same = 0;
        for (int i = 0; i < top1.length; i++) {
            same += top1[i] == baselineTop1[i] ? 1 : 0;
        }
        return same + "/" + top1.length;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // inputs and helpers

    /** A test image's name and encoded bytes, read once before timing so that file I/O is not measured. */
    private record TestImage(String name, byte[] bytes) {

        static List<TestImage> readAll(Path folder) throws IOException {
            List<Path> files;
            try (Stream<Path> listing = Files.list(folder)) {
                files = listing.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.jpe?g"))
                        .sorted().toList();
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no JPEG files in " + folder);
            }
            List<TestImage> images = new ArrayList<>(files.size());
            for (Path file : files) {
                images.add(new TestImage(file.getFileName().toString(), Files.readAllBytes(file)));
            }
            return images;
        }
    }

    private record Options(Path repo, Path images, Path models, Path model, Duration warmUp, Duration duration,
            int concurrency, Set<String> scenarios, String server, int port, Path djlCache) {

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 0) {
                    throw new IllegalArgumentException("expected --name=value, not '" + arg + "'\n" + USAGE);
                }
                given.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            String repoGiven = given.remove("repo");
            Path repo = (repoGiven == null ? RepositoryRoot.find() : Path.of(repoGiven)).toAbsolutePath().normalize();
            Path images = path(given.remove("images"), repo.resolve("../shared/testdata/images"));
            Path models = path(given.remove("models"), repo.resolve("../shared/models"));
            Path model = path(given.remove("model"), models.resolve("mobilenetv2-12-int8.onnx"));
            Duration warmUp = seconds(given.remove("warmup"), 5);
            Duration duration = seconds(given.remove("duration"), 20);
            int concurrency = Integer.parseInt(take(given, "concurrency", "8"));
            Set<String> scenarios =
                    new LinkedHashSet<>(Arrays.asList(take(given, "scenarios", "a,b1,bN,c1,cN,w,d").split(",")));
            String server = take(given, "server", "start");
            int port = Integer.parseInt(take(given, "port", "18080"));
            Path djlCache = path(given.remove("djl-cache"), repo.resolve("target/djl-cache"));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s) " + given.keySet() + "\n" + USAGE);
            }
            if (concurrency < 1 || duration.isZero() || warmUp.isNegative()
                    || !Set.of("a", "b1", "bN", "c1", "cN", "w", "d").containsAll(scenarios)) {
                throw new IllegalArgumentException("bad concurrency, duration, warm-up or scenarios\n" + USAGE);
            }
            for (Path required : List.of(images, model)) {
                if (!Files.exists(required)) {
                    throw new IllegalArgumentException(required + " does not exist\n" + USAGE);
                }
            }
            return new Options(repo, images, models, model, warmUp, duration, concurrency, scenarios, server, port,
                    djlCache);
        }

        private static String take(Map<String, String> given, String name, String fallback) {
            String value = given.remove(name);
            return value == null ? fallback : value;
        }

        private static Path path(String value, Path fallback) {
            return (value == null ? fallback : Path.of(value)).toAbsolutePath().normalize();
        }

        private static Duration seconds(String value, double fallback) {
            double s = value == null ? fallback : Double.parseDouble(value);
            return Duration.ofMillis(Math.round(s * 1000));
        }
    }

    private static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    /**
     * The HTTP scenario driven by wrk (Debian's {@code wrk}): the JDK's HTTP client costs enough CPU per request to
     * take a visible share of 2 cores from the server it measures. Cycles over the same images with a Lua script.
     */
    private static final class Wrk {

        private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
        private static final Pattern COUNT = Pattern.compile("(\\d+) requests in");
        private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

        static Result measure(String scenario, int connections, Options options, List<TestImage> images, URI url)
                throws IOException, InterruptedException {
            Path script = options.repo().resolve("target/benchmark-wrk.lua");
            StringBuilder lua = new StringBuilder("local files = {");
            for (TestImage image : images) {
                lua.append('"').append(options.images().resolve(image.name()).toString().replace("\\", "/"))
                        .append("\", ");
            }
            lua.append("""
                    }
                    local bodies = {}
                    for i, name in ipairs(files) do
                      local f = io.open(name, "rb"); bodies[i] = f:read("*a"); f:close()
                    end
                    local n = 0
                    request = function()
                      n = n % #bodies + 1
                      return wrk.format("POST", nil, {["Content-Type"] = "image/jpeg"}, bodies[n])
                    end
                    """);
            Files.createDirectories(script.getParent());
            Files.writeString(script, lua);
            String warm = run(List.of("wrk", "-t1", "-c" + connections, "-d" + options.warmUp().toSeconds() + "s",
                    "-s", script.toString(), url.toString()));
            if (warm == null) {
                log("%s: skipped, wrk is not installed (apt-get install wrk)", scenario);
                return null;
            }
            log("%s: %s s measured", scenario, seconds(options.duration()));
            String out = run(List.of("wrk", "-t1", "-c" + connections, "-d" + options.duration().toSeconds() + "s",
                    "--latency", "-s", script.toString(), url.toString()));
            Matcher errors = ERRORS.matcher(out);
            Result result = new Result(scenario, connections, Integer.parseInt(group(COUNT, out)),
                    Double.parseDouble(group(RATE, out)), percentile(out, "50%"), percentile(out, "99%"), Double.NaN,
                    errors.find() ? Integer.parseInt(errors.group(1)) : 0, null, new int[0]);
            log("%s: %.1f images/s, p50 %.1f ms, p99 %.1f ms", scenario, result.imagesPerSecond(), result.p50Millis(),
                    result.p99Millis());
            return result;
        }

        /** wrk's output, or null when wrk cannot be started. */
        private static String run(List<String> command) throws IOException, InterruptedException {
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                return null;
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("wrk failed: " + out);
            }
            return out;
        }

        private static String group(Pattern pattern, String text) {
            Matcher m = pattern.matcher(text);
            if (!m.find()) {
                throw new IllegalStateException("unexpected wrk output: " + text);
            }
            return m.group(1);
        }

        /** A latency line of wrk's distribution ("50%   26.88ms") in milliseconds. */
        private static double percentile(String out, String label) {
            Matcher m = Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("no " + label + " latency in wrk output: " + out);
            }
            double value = Double.parseDouble(m.group(1));
            return switch (m.group(2)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            };
        }
    }
}
