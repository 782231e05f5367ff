package dev.lantern.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.testing.TestData;
import dev.lantern.shared.testing.bench.PackagedApp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged classifier (the jar, or the native executable that {@code -Pnative} built) as a public deployment runs
 * it: stopped by SIGTERM under load, logging JSON, with API keys and a rate limit.
 */
class PublicDeploymentIT {

    /** The jar, or the native executable after {@code -Pnative}. */
    private static final Path APP = PackagedApp.builtArtifact(Path.of("target"));
    private static final byte[] GOLDFISH = TestData.bytes(TestData.images().resolve("n01443537_goldfish.JPEG"));
    private static final int IN_FLIGHT = 4;
    private static final int CONNECTIONS = 32;
    private static final int KEYED_LIMIT = 40;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void sigtermFinishesTheRequestsInFlightThenClosesTheModel() throws Exception {
        try (PackagedApp app = start("shutdown", Map.of())) {
            // requests whose bodies arrive slowly: in flight when the signal comes, finished seconds later
            CountDownLatch started = new CountDownLatch(IN_FLIGHT);
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                inFlight.add(client.sendAsync(classify(app, slowBody(started)), HttpResponse.BodyHandlers.ofString()));
            }
            assertTrue(started.await(20, TimeUnit.SECONDS), "the slow requests did not start");
            Thread.sleep(300); // their first bytes reach the server

            app.process().destroy(); // SIGTERM
            long signalled = System.nanoTime();
            Thread.sleep(500);
            int late = lateRequestStatus(app);
            assertTrue(late == 503 || late == -1, "a request after SIGTERM got " + late);

            for (CompletableFuture<HttpResponse<String>> request : inFlight) {
                HttpResponse<String> answer = request.get(30, TimeUnit.SECONDS);
                assertEquals(200, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("\"label\":\"goldfish\""), answer.body());
            }
            assertTrue(app.process().waitFor(20, TimeUnit.SECONDS), "the app did not exit");
            double seconds = (System.nanoTime() - signalled) / 1e9;
            assertTrue(seconds < 15, "the app took " + seconds + " s to stop");
            String log = Files.readString(app.logFile());
            assertTrue(log.contains("All HTTP requests complete"), log);
            assertTrue(log.indexOf("All HTTP requests complete") < log.indexOf("The classifier model is closed."), log);
            assertTrue(log.contains("lantern-classifier stopped in"), log);
            // a clean stop on SIGTERM: the JVM's status for it is 128 + 15, as for any Java server
            assertEquals(143, app.process().exitValue(), log);
        }
    }

    @Test
    void jsonLogsAndTheAccessLogCarryTheRequestId() throws Exception {
        Map<String, String> settings = Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true",
                "QUARKUS_HTTP_ACCESS_LOG_ENABLED", "true");
        try (PackagedApp app = start("json-logs", settings)) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(app.base().resolve("/api/classify"))
                    .header("Content-Type", "image/jpeg").header("X-Request-Id", "it-json-1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(415, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"requestId\":\"it-json-1\""), answer.body());
            app.close();
            List<String> lines = Files.readAllLines(app.logFile()).stream().filter(l -> l.contains("it-json-1"))
                    .toList();
            // the error's own line, with the id as a field, and the request's access-log line
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("{") && l.contains("\"requestId\":\"it-json-1\"")
                    && l.contains("answered 415")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("io.quarkus.http.access-log")
                    && l.contains("POST /api/classify")), lines.toString());
        }
    }

    /** The load rule with keys and a limit set from the environment: 200 or 503, then 429 past the limit. */
    @Test
    void keysAndTheRateLimitFromTheEnvironmentKeepThirtyTwoConnectionsAt200Or503() throws Exception {
        String key = "it-key-8c1f07d2";
        Map<String, String> settings = Map.of("LANTERN_SECURITY_API_KEYS", "other-it-key," + key,
                "LANTERN_SECURITY_RATE_LIMIT_REQUESTS_PER_MINUTE", Integer.toString(KEYED_LIMIT),
                "LANTERN_SECURITY_RATE_LIMIT_BURST", Integer.toString(KEYED_LIMIT));
        try (PackagedApp app = start("keys", settings)) {
            HttpRequest noKey = classify(app, HttpRequest.BodyPublishers.ofByteArray(GOLDFISH));
            assertEquals(401, client.send(noKey, HttpResponse.BodyHandlers.ofString()).statusCode());

            HttpRequest withKey = HttpRequest.newBuilder(noKey, (name, value) -> true)
                    .header("Authorization", "Bearer " + key).build();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                answers.add(client.sendAsync(withKey, HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> request : answers) {
                HttpResponse<String> answer = request.get(60, TimeUnit.SECONDS);
                int status = answer.statusCode();
                assertTrue(status == 200 || status == 503 && answer.headers().firstValue("Retry-After").isPresent(),
                        status + " " + answer.body());
            }
            // all of the minute's requests at once: the bucket refills one a minute, so the 429 comes at the limit
            int sent = CONNECTIONS;
            HttpResponse<String> over;
            do {
                over = client.send(withKey, HttpResponse.BodyHandlers.ofString());
                sent++;
            } while (over.statusCode() != 429 && sent < 2 * KEYED_LIMIT);
            assertEquals(429, over.statusCode(), over.body());
            assertEquals(KEYED_LIMIT + 1, sent, "limited after " + sent + " requests");
            assertTrue(over.headers().firstValue("Retry-After").isPresent());
            app.close();
            assertFalse(Files.readString(app.logFile()).contains(key), "a key was logged");
        }
    }

    private PackagedApp start(String name, Map<String, String> env) throws IOException, InterruptedException {
        Path djlCache = Path.of(System.getenv().getOrDefault("DJL_CACHE_DIR", "target/djl-cache"));
        PackagedApp.Launch launch = new PackagedApp.Launch(APP, freePort(), djlCache,
                Path.of("target/public-deployment-" + name + ".log"), "/q/health/ready",
                PackagedApp.healthReady("the classifier"), env, List.of());
        return PackagedApp.start(launch, client);
    }

    private static HttpRequest classify(PackagedApp app, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(app.base().resolve("/api/classify?topK=1")).header("Content-Type", "image/jpeg")
                .timeout(Duration.ofSeconds(60)).POST(body).build();
    }

    /** The goldfish photo, its first half at once and the rest three seconds later. */
    private static HttpRequest.BodyPublisher slowBody(CountDownLatch started) {
        int half = GOLDFISH.length / 2;
        return HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                new ByteArrayInputStream(Arrays.copyOf(GOLDFISH, half)), new InputStream() {
                    private InputStream rest;

                    @Override
                    public int read() throws IOException {
                        byte[] one = new byte[1];
                        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        if (rest == null) {
                            started.countDown();
                            sleep(3000);
                            rest = new ByteArrayInputStream(GOLDFISH, half, GOLDFISH.length - half);
                        }
                        return rest.read(buffer, offset, length);
                    }
                }));
    }

    /** The status of a request sent after the signal, or -1 when the connection was refused. */
    private int lateRequestStatus(PackagedApp app) throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(app.base().resolve("/api/tasks")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException refused) {
            return -1;
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
