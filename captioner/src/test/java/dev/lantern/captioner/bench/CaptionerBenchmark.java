package dev.lantern.captioner.bench;

import static dev.lantern.shared.testing.bench.BenchmarkLog.log;
import static dev.lantern.shared.testing.bench.ClosedLoopLoad.percentileMillis;
import ai.djl.engine.Engine;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.lantern.captioner.Caption;
import dev.lantern.captioner.CaptionPipeline;
import dev.lantern.captioner.CaptionerConfig;
import dev.lantern.captioner.DetectorModel;
import dev.lantern.captioner.ImageCaptioner;
import dev.lantern.captioner.TestModels;
import dev.lantern.captioner.describe.CaptionComposer;
import dev.lantern.captioner.describe.Detail;
import dev.lantern.captioner.describe.Lexicon;
import dev.lantern.captioner.translator.Letterbox;
import dev.lantern.captioner.translator.NonMaxSuppression;
import dev.lantern.captioner.translator.YoloxGrid;
import dev.lantern.classifier.ClassifierModel;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.shared.engine.ModelFormat;
import dev.lantern.shared.image.ImageDecoder;
import dev.lantern.shared.testing.TestData;
import dev.lantern.shared.testing.bench.BenchmarkOptions;
import dev.lantern.shared.testing.bench.DjlCache;
import dev.lantern.shared.testing.bench.LoadAverage;
import dev.lantern.shared.testing.bench.PackagedApp;
import dev.lantern.shared.testing.bench.PhonePhoto;
import dev.lantern.shared.testing.bench.RepositoryRoot;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Throughput and latency of the captioner, each scenario after a warm-up and for a fixed window, closed-loop
 * clients cycling over the test JPEGs (every request includes the JPEG decode):
 *
 * <ul>
 *   <li>(a) baseline: the detector straight on ONNX Runtime ({@code OrtSession}, default options), one thread,
 *       with the same letterbox, grid decode and NMS classes;
 *   <li>(b) the detector alone through the shared core ({@link DetectorModel}, as the app loads it), 1 and N threads;
 *   <li>(c) the whole pipeline in-process ({@link CaptionPipeline}: detector and classifier in parallel, then the
 *       composer), 1 and N threads;
 *   <li>(d) the whole pipeline over HTTP: {@code POST /api/caption} with raw JPEG bodies to the packaged suite,
 *       1 and N clients;
 *   <li>(e) the detector alone over HTTP: the same, to a suite started without the classifier's model (captions are
 *       then made from the objects alone, so a request is decode, detector and composer).
 * </ul>
 *
 * Figures are ratios to (a), measured in the same run. Markdown to stdout, progress to stderr. Command in
 * docs/benchmarks.md; options: --duration=S --warmup=S --concurrency=N --port=P --server=start|URL --scenarios=a,b,c,d.
 */
public final class CaptionerBenchmark {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private CaptionerBenchmark() {}

    /** One request for test image {@code image}; answers how many objects were found (the agreement check). */
    @FunctionalInterface
    private interface Request {
        int run(int image) throws Exception;
    }

    private record Result(String scenario, int concurrency, int requests, double perSecond, double p50, double p99,
            int errors, String firstError, int[] objects) {}

    public static void main(String[] args) throws Exception {
        DjlEnvironment.lockDown();
        Map<String, String> options = BenchmarkOptions.parse(args, Map.of("duration", "15", "warmup", "3",
                "concurrency", "4", "port", "18082", "server", "start", "scenarios", "a,b,c,d,e"));
        Path repo = RepositoryRoot.find();
        Path djlCache = repo.resolve("target/djl-cache");
        DjlCache.useUnlessSet(djlCache);
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.get("warmup")));
        Duration window = Duration.ofSeconds(Long.parseLong(options.get("duration")));
        int n = Integer.parseInt(options.get("concurrency"));
        List<String> scenarios = List.of(options.get("scenarios").split(","));

        CaptionerConfig config = TestModels.captionerConfig(Map.of());
        ImageDecoder decoder = ImageCaptioner.decoder(config.images(), false);
        List<byte[]> images = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestData.images())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".JPEG")).sorted().toList()) {
                images.add(Files.readAllBytes(p));
            }
        }
        log("%d images; warm-up %s s, window %s s, concurrency %d; load average %s", images.size(),
                warmUp.toSeconds(), window.toSeconds(), n, LoadAverage.all());
        List<Result> results = new ArrayList<>();

        try (DetectorModel detector = TestModels.detector()) {
            if (scenarios.contains("a")) {
                // after DJL's engine: ONNX Runtime allows one environment per process and DJL makes it first
                Engine.getEngine(ModelFormat.ONNX.engineName());
                OrtEnvironment env = OrtEnvironment.getEnvironment();
                CaptionerConfig.Detector d = config.detector();
                Letterbox letterbox = new Letterbox(d.inputSize(), d.padValue(), d.channelOrder(),
                        d.resizeFilter());
                YoloxGrid grid = new YoloxGrid(d.inputSize(), d.strides(), detector.labels().size());
                NonMaxSuppression nms = new NonMaxSuppression(d.nmsIou(), d.maxObjects());
                Path model = TestData.models().resolve("yolox_nano.onnx");
                try (OrtSession.SessionOptions so = new OrtSession.SessionOptions();
                        OrtSession session = env.createSession(model.toString(), so)) {
                    long[] shape = {1, 3, d.inputSize(), d.inputSize()};
                    results.add(measure("(a) detector on ONNX Runtime, in-process", 1, warmUp, window, images,
                            i -> {
                                BufferedImage image = decoder.decode(images.get(i));
                                try (OnnxTensor input = OnnxTensor.createTensor(env,
                                                FloatBuffer.wrap(letterbox.toChw(image)), shape);
                                        OrtSession.Result out = session.run(Map.of("images", input))) {
                                    float[][][] rows = (float[][][]) out.get(0).getValue();
                                    float[] flat = new float[rows[0].length * rows[0][0].length];
                                    for (int r = 0; r < rows[0].length; r++) {
                                        System.arraycopy(rows[0][r], 0, flat, r * rows[0][r].length,
                                                rows[0][r].length);
                                    }
                                    return nms.apply(grid.decode(flat, d.scoreThreshold())).size();
                                }
                            }));
                }
            }
            if (scenarios.contains("b")) {
                Request detect = i -> detector.detect(decoder.decode(images.get(i)))
                        .get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS).objects().size();
                results.add(measure("(b) detector, shared core", 1, warmUp, window, images, detect));
                results.add(measure("(b) detector, shared core", n, warmUp, window, images, detect));
            }
            if (scenarios.contains("c")) {
                try (ClassifierModel classifier = TestModels.classifier()) {
                    CaptionPipeline pipeline = new CaptionPipeline(detector,
                            (image, k) -> classifier.classify(image, k, 0),
                            new CaptionComposer(Lexicon.standard(), config.composer().confidentTag(),
                                    config.composer().refineTag()), config.tags().topK());
                    Request caption = i -> {
                        long start = System.nanoTime();
                        BufferedImage image = decoder.decode(images.get(i));
                        Caption c = pipeline.caption(image, Detail.SENTENCE, System.nanoTime() - start)
                                .get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                        return c.objects().size();
                    };
                    results.add(measure("(c) whole pipeline, in-process", 1, warmUp, window, images, caption));
                    results.add(measure("(c) whole pipeline, in-process", n, warmUp, window, images, caption));
                }
            }
        }
        if (scenarios.contains("e")) {
            results.addAll(http(options, repo, djlCache, n, warmUp, window, images, false));
        }
        if (scenarios.contains("d")) {
            results.addAll(http(options, repo, djlCache, n, warmUp, window, images, true));
        }
        System.out.println(table(results));
        System.out.printf(Locale.ROOT, "%n%d images, warm-up %d s, measured %d s per scenario; load average at end %s.%n",
                images.size(), warmUp.toSeconds(), window.toSeconds(), LoadAverage.all());
    }

    private static final Pattern OBJECT = Pattern.compile("\"label\"\\s*:\\s*\"[^\"]*\"\\s*,\\s*\"score\"");

    /** The test photo that the phone-photo scenario enlarges: 500×375, the size of most ImageNet photos. */
    private static final String PHONE_PHOTO_SOURCE = "n04065272_recreational_vehicle.JPEG";

    /** POSTs image {@code i} of {@code images} as a raw JPEG body; the answer's object count is the outcome. */
    private static Request post(HttpClient client, URI caption, List<byte[]> images) {
        return i -> {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(caption).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "image/jpeg")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(images.get(i))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            Matcher m = OBJECT.matcher(response.body());
            int count = 0;
            while (m.find()) {
                count++;
            }
            return count;
        };
    }

    private static List<Result> http(Map<String, String> options, Path repo, Path djlCache, int n, Duration warmUp,
            Duration window, List<byte[]> images, boolean withClassifier) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        PackagedApp server = null;
        try {
            URI base;
            if (options.get("server").equals("start")) {
                Map<String, String> env = new HashMap<>();
                env.put("LANTERN_MODELS_DIR", TestData.models().toString());
                if (!withClassifier) {
                    // a model file that is nowhere: the classifier fails to load and the captioner goes without tags
                    env.put("LANTERN_CLASSIFIER_MODEL_URL", "https://models.invalid/benchmark-no-classifier.onnx");
                }
                PackagedApp.Launch launch = new PackagedApp.Launch(
                        repo.resolve("apps/target/quarkus-app/quarkus-run.jar"), Integer.parseInt(options.get("port")),
                        djlCache, repo.resolve("target/captioner-benchmark-server.log"), "/q/health/ready",
                        response -> modelsAsNeeded(response, withClassifier), env, List.of());
                server = PackagedApp.start(launch, client);
                base = server.base();
            } else {
                base = URI.create(options.get("server").replaceAll("/+$", ""));
            }
            URI caption = URI.create(base + "/api/caption");
            Request post = post(client, caption, images);
            String name = withClassifier ? "(d) whole pipeline, HTTP /api/caption"
                    : "(e) detector alone, HTTP /api/caption without classifier";
            List<Result> results = new ArrayList<>(List.of(measure(name, 1, warmUp, window, images, post),
                    measure(name, n, warmUp, window, images, post)));
            if (withClassifier) {
                // one photo as a camera gives it (12 MP) against the same photo as the test set has it (500×375)
                Path source = TestData.images().resolve(PHONE_PHOTO_SOURCE);
                List<byte[]> small = List.of(Files.readAllBytes(source));
                List<byte[]> phone = List.of(PhonePhoto.from(source));
                results.add(measure("(f) whole pipeline, HTTP, " + PHONE_PHOTO_SOURCE, 1, warmUp, window, small,
                        post(client, caption, small)));
                results.add(measure("(f) whole pipeline, HTTP, 12 MP phone photo of it", 1, warmUp, window, phone,
                        post(client, caption, phone)));
            }
            return results;
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * Ready once {@code /q/health/ready} answers 200. Without the classifier, its check says "failed" by design; the
     * captioner's must be ready.
     */
    private static boolean modelsAsNeeded(HttpResponse<String> response, boolean withClassifier) {
        if (response.statusCode() != 200) {
            return false;
        }
        String body = response.body().replaceAll("\\s", "");
        int at = body.indexOf("\"name\":\"captioner\"");
        int end = at < 0 ? -1 : body.indexOf('}', at);
        boolean captionerReady = end > 0 && body.substring(at, end).contains("\"model\":\"ready\"");
        if (withClassifier && body.contains("\"failed\"") || !captionerReady) {
            throw new IllegalStateException("the models are not as this scenario needs: " + response.body());
        }
        return true;
    }

    /**
     * Runs every image once (object counts for the agreement column), then {@code threads} closed-loop clients;
     * only requests that start and end inside the window count.
     */
    private static Result measure(String scenario, int threads, Duration warmUp, Duration window, List<byte[]> images,
            Request request) throws Exception {
        int[] objects = new int[images.size()];
        for (int i = 0; i < images.size(); i++) {
            objects[i] = request.run(i);
        }
        long start = System.nanoTime() + warmUp.toNanos();
        long end = start + window.toNanos();
        List<long[]> latencies = new ArrayList<>();
        int[] errors = new int[threads];
        String[] firstError = new String[threads];
        int[] counts = new int[threads];
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[1 << 16];
            latencies.add(mine);
            int id = t;
            Thread thread = new Thread(() -> {
                int image = id % images.size();
                long begin;
                while ((begin = System.nanoTime()) < end && errors[id] < 20) {
                    boolean ok = true;
                    try {
                        request.run(image);
                    } catch (Exception e) {
                        ok = false;
                        errors[id]++;
                        if (firstError[id] == null) {
                            firstError[id] = e.toString();
                        }
                    }
                    long done = System.nanoTime();
                    if (ok && begin >= start && done <= end && counts[id] < mine.length) {
                        mine[counts[id]++] = done - begin;
                    }
                    image = (image + 1) % images.size();
                }
            }, "bench-" + t);
            clients.add(thread);
            thread.start();
        }
        for (Thread thread : clients) {
            thread.join();
        }
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        Result result = new Result(scenario, threads, all.length, all.length / (window.toNanos() / 1e9),
                percentileMillis(all, 0.5), percentileMillis(all, 0.99), Arrays.stream(errors).sum(),
                Arrays.stream(firstError).filter(e -> e != null).findFirst().orElse(""), objects);
        log("%s ×%d: %.1f images/s, p50 %.1f ms, p99 %.1f ms, %d errors %s", scenario, threads, result.perSecond(),
                result.p50(), result.p99(), result.errors(), result.firstError());
        return result;
    }

    private static String table(List<Result> results) {
        Result base = results.get(0);
        StringBuilder out = new StringBuilder("| Scenario | Concurrency | Images/s | p50 ms | p99 ms | Throughput vs (a) "
                + "| p50 vs (a) | p99 vs (a) | Requests | Errors | Objects as (a) |\n|---|---:|---:|---:|---:|---:|---:|---:"
                + "|---:|---:|---:|\n");
        for (Result r : results) {
            int same = 0;
            for (int i = 0; i < r.objects().length && r.objects().length == base.objects().length; i++) {
                same += r.objects()[i] == base.objects()[i] ? 1 : 0;
            }
            String agreement = r.objects().length == base.objects().length ? same + "/" + r.objects().length : "n/a";
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.2fx | %.2fx | %.2fx | %d | %d | %s |%n",
                    r.scenario(), r.concurrency(), r.perSecond(), r.p50(), r.p99(), r.perSecond() / base.perSecond(),
                    r.p50() / base.p50(), r.p99() / base.p99(), r.requests(), r.errors(), agreement));
        }
        List<Result> phone = results.stream().filter(r -> r.scenario().startsWith("(f)")).toList();
        if (phone.size() == 2) {
            out.append(String.format(Locale.ROOT, "%n12 MP phone photo p50 ÷ 500×375 photo p50: %.2fx%n",
                    phone.get(1).p50() / phone.get(0).p50()));
        }
        return out.toString();
    }
}
