package dev.lantern.apps;

import static dev.lantern.shared.testing.bench.BenchmarkLog.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lantern.shared.testing.TestData;
import dev.lantern.shared.testing.bench.ClosedLoopLoad;
import dev.lantern.shared.testing.bench.PackagedApp;
import dev.lantern.shared.testing.bench.RepositoryRoot;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two packaged suites behind Debian's HAProxy, run with {@code deploy/haproxy/haproxy.cfg} as the README shows it,
 * their rate limits shared through Debian's redis-server; all on loopback ports picked at random. Load goes through
 * HAProxy for a continuous minute, and one replica gets SIGTERM half-way: every answer must be a 200 or a 429, the key
 * limited to 30 a minute must get at most 31 answers though both replicas serve it, and the other replica carries on.
 * Skipped without {@code redis-server} and {@code haproxy} on the PATH ({@code .ci/run} installs them).
 */
class LoadBalancedReplicasIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Path WORK = Path.of("target/load-balanced");
    private static final byte[] GOLDFISH = TestData.bytes(TestData.images().resolve("n01443537_goldfish.JPEG"));
    private static final int PER_MINUTE = 30;
    private static final String LIMITED_KEY = "lb-limited-7c3e91";
    /**
     * Keys of each pool of background load, taken in turn: at about 200 calls a second each key gets 20 a minute,
     * within its burst (15) plus what refills (16 a minute), so the load gets 200s and keeps both replicas at work.
     */
    private static final int LOAD_KEYS = 600;
    /** The limited client sends a request every 50 ms: continuously, at 40 times its limit. */
    private static final Duration LIMITED_PACE = Duration.ofMillis(50);
    private static final Duration MINUTE = Duration.ofSeconds(60);
    private static final Duration SIGTERM_AFTER = Duration.ofSeconds(25);
    private static final Optional<String> REDIS_SERVER = command("redis-server");
    private static final Optional<String> HAPROXY = command("haproxy");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer of the minute under load. */
    private record Answer(boolean limitedKey, long sent, long latency, int status, String servedBy) {}

    @Test
    void twoReplicasBehindHaproxyShareOneLimitAndASigtermCostsNoRequest() throws Exception {
        assumeTrue(REDIS_SERVER.isPresent() && HAPROXY.isPresent(),
                "needs Debian's redis-server and haproxy (apt-get install redis-server haproxy)");
        Files.createDirectories(WORK);
        int redisPort = freePort();
        try (Daemon redis = redis(redisPort);
                PackagedApp one = replica(1, redisPort);
                PackagedApp two = replica(2, redisPort)) {
            int haproxyPort = freePort();
            Map<String, String> addresses = Map.of("LANTERN_FRONTEND", "127.0.0.1:" + haproxyPort,
                    "LANTERN_REPLICA_1", one.base().getAuthority(), "LANTERN_REPLICA_2", two.base().getAuthority());
            try (Daemon haproxy = Daemon.start("haproxy", haproxyPort, addresses, HAPROXY.get(), "-db", "-f",
                    RepositoryRoot.find().resolve("deploy/haproxy/haproxy.cfg").toString())) {
                URI balanced = URI.create("http://127.0.0.1:" + haproxyPort);
                awaitBothReplicasInRotation(balanced);
                // the health paths deploy/kubernetes probes
                for (String probe : List.of("/q/health/started", "/q/health/live", "/q/health/ready")) {
                    assertEquals(200, client.send(HttpRequest.newBuilder(one.base().resolve(probe)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode(), probe);
                }

                // ClosedLoopLoad numbers the calls of its warm-up and of its window from 0 each: count them here
                ClosedLoopLoad load = new ClosedLoopLoad(Duration.ofSeconds(3), Duration.ofSeconds(12));
                AtomicInteger directCalls = new AtomicInteger();
                ClosedLoopLoad.Result direct = load.measure("one replica direct", 2, 1,
                        k -> loadKey("direct", directCalls.getAndIncrement()),
                        key -> expect200(classify(one.base(), key)));
                AtomicInteger balancedCalls = new AtomicInteger();
                ClosedLoopLoad.Result throughHaproxy = load.measure("through HAProxy", 2, 1,
                        k -> loadKey("balanced", balancedCalls.getAndIncrement()),
                        key -> expect200(classify(balanced, key)));

                List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
                List<String> failures = Collections.synchronizedList(new ArrayList<>());
                long start = System.nanoTime();
                long end = start + MINUTE.toNanos();
                AtomicInteger next = new AtomicInteger();
                List<Thread> clients = new ArrayList<>();
                clients.add(client("limited", end, answers, failures, () -> LIMITED_KEY, LIMITED_PACE, balanced));
                for (int i = 0; i < 2; i++) {
                    clients.add(client("load-" + i, end, answers, failures,
                            () -> loadKey("minute", next.getAndIncrement()), Duration.ZERO, balanced));
                }
                Thread.sleep(SIGTERM_AFTER.toMillis());
                long sigterm = System.nanoTime();
                two.process().destroy();
                log("SIGTERM to replica 2 at %.1f s", (sigterm - start) / 1e9);
                for (Thread thread : clients) {
                    thread.join();
                }
                assertTrue(two.process().waitFor(30, TimeUnit.SECONDS), "replica 2 did not stop");

                long refused;
                try (Stream<String> lines = Files.lines(two.logFile())) {
                    refused = lines.filter(line -> line.contains("answered 503: The server is shutting down")).count();
                }
                String figures = figures(direct, throughHaproxy, answers, start, sigterm) + "Replica 2 refused "
                        + refused + " requests while stopping; HAProxy sent each to replica 1.\n";
                log("%s", figures);
                Files.writeString(WORK.resolve("figures.txt"), figures);

                assertEquals(List.of(), failures, "requests that failed through HAProxy");
                List<Answer> limited = answers.stream().filter(Answer::limitedKey).toList();
                long limited200 = limited.stream().filter(a -> a.status() == 200).count();
                assertTrue(limited200 <= PER_MINUTE + 1, limited200 + " answers with 200 in a minute for one key");
                assertTrue(limited200 >= PER_MINUTE - 3, "only " + limited200 + " answers with 200: limited too hard");
                assertEquals(Set.of("replica-1", "replica-2"),
                        servers(limited.stream().filter(a -> a.sent() < sigterm)),
                        "both replicas served the limited key");
                List<Answer> afterStop = answers.stream().filter(a -> a.sent() > sigterm + 3_000_000_000L).toList();
                assertEquals(Set.of("replica-1"), servers(afterStop.stream()), "after the stop only replica 1 serves");
                assertTrue(afterStop.stream().filter(a -> a.status() == 200).count() > 10,
                        "replica 1 carried on: " + afterStop.size() + " answers after the stop");
                assertEquals(143, two.process().exitValue(), "replica 2's exit status after SIGTERM");

                redisStopsAndComesBack(redis, redisPort, balanced, one);
            }
        }
    }

    /**
     * Redis stops: the survivor answers as before (fail-open, limits per replica), says so in {@code /q/health} and
     * its log; Redis comes back on the same port: the limit is shared again, without a restart.
     */
    private void redisStopsAndComesBack(Daemon redis, int redisPort, URI balanced, PackagedApp replica)
            throws Exception {
        redis.close();
        for (int i = 0; i < 5; i++) {
            expect200(classify(balanced, loadKey("outage", i)));
        }
        String health = health(replica);
        assertTrue(health.contains("per replica while Redis at 127.0.0.1:" + redisPort + " cannot be reached"), health);
        try (Daemon again = redis(redisPort)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int call = 5;
            do {
                Thread.sleep(500);
                expect200(classify(balanced, loadKey("outage", call++)));
                health = health(replica);
            } while (!health.contains("shared through Redis") && System.nanoTime() < deadline);
            assertTrue(health.contains("shared through Redis at 127.0.0.1:" + redisPort), health);
        }
        String log = Files.readString(replica.logFile());
        assertTrue(log.contains("ERROR [dev.lantern.web.security.RedisBuckets]") && log.contains(
                "Until Redis answers again, each replica limits on its own."), "the outage was not logged loudly");
    }

    private String health(PackagedApp replica) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(replica.base().resolve("/q/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Daemon redis(int port) throws IOException, InterruptedException {
        return Daemon.start("redis", port, Map.of(), REDIS_SERVER.get(), "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no");
    }

    private PackagedApp replica(int number, int redisPort) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        env.put("LANTERN_SECURITY_API_KEYS", Stream.concat(Stream.of(LIMITED_KEY),
                Stream.of("direct", "balanced", "minute", "outage").flatMap(pool -> IntStream.range(0, LOAD_KEYS)
                        .mapToObj(i -> pool + "-key-" + i))).collect(Collectors.joining(",")));
        env.put("LANTERN_SECURITY_RATE_LIMIT_REQUESTS_PER_MINUTE", Integer.toString(PER_MINUTE));
        env.put("LANTERN_SECURITY_RATE_LIMIT_REDIS_URL", "redis://127.0.0.1:" + redisPort);
        // as README's "Running more than one" says: the client's address through the proxy, for limits by address
        env.put("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
        env.put("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true");
        env.put("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1");
        Path djlCache = Path.of(System.getenv().getOrDefault("DJL_CACHE_DIR", "target/djl-cache"));
        return PackagedApp.start(new PackagedApp.Launch(JAR, freePort(), djlCache,
                WORK.resolve("replica-" + number + ".log"), "/q/health/ready", PackagedApp.healthReady("the suite"),
                env, List.of("-Xmx512m")), client);
    }

    /** The key for load call number {@code call} of a pool. */
    private static String loadKey(String pool, int call) {
        return pool + "-key-" + call % LOAD_KEYS;
    }

    /** HAProxy checks each replica every second and takes it in after two good checks. */
    private void awaitBothReplicasInRotation(URI balanced) throws IOException, InterruptedException {
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (seen.size() < 2 && System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(balanced.resolve("/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                answer.headers().firstValue("X-Served-By").ifPresent(seen::add);
            } catch (IOException notListeningYet) {
                // HAProxy is starting
            }
            Thread.sleep(100);
        }
        assertEquals(2, seen.size(), "HAProxy took in " + seen);
    }

    /** A client sending requests one after the other, {@code pace} apart, until {@code end}. */
    private Thread client(String name, long end, List<Answer> answers, List<String> failures,
            Supplier<String> keys, Duration pace, URI balanced) {
        Thread thread = new Thread(() -> {
            try {
                while (System.nanoTime() < end) {
                    String key = keys.get();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> answer = classify(balanced, key);
                        int status = answer.statusCode();
                        if (status != 200 && status != 429) {
                            failures.add(name + ": " + status + " " + answer.body());
                        }
                        answers.add(new Answer(key.equals(LIMITED_KEY), sent, System.nanoTime() - sent, status,
                                answer.headers().firstValue("X-Served-By").orElse("?")));
                    } catch (IOException | RuntimeException e) {
                        failures.add(name + ": " + e);
                    }
                    Thread.sleep(pace.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lb-client-" + name);
        thread.start();
        return thread;
    }

    private HttpResponse<String> classify(URI base, String key) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve("/api/classify?topK=1"))
                .header("Content-Type", "image/jpeg").header("X-API-Key", key).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(GOLDFISH)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect200(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(answer.statusCode() + " " + answer.body());
        }
    }

    private static Set<String> servers(Stream<Answer> answers) {
        return answers.map(Answer::servedBy).collect(Collectors.toSet());
    }

    /** The figures the issue asks for, as a small Markdown table and a count of statuses. */
    private static String figures(ClosedLoopLoad.Result direct, ClosedLoopLoad.Result balanced, List<Answer> answers,
            long start, long sigterm) {
        StringBuilder text = new StringBuilder("| classify, 2 clients, 12 s | calls | calls/s | p50 ms | p99 ms |\n"
                + "|---|---:|---:|---:|---:|\n");
        for (ClosedLoopLoad.Result result : List.of(direct, balanced)) {
            text.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", result.name(),
                    result.calls(), result.perSecond(), result.p50(), result.p99()));
        }
        Map<Integer, Long> statuses = new TreeMap<>(answers.stream()
                .collect(Collectors.groupingBy(Answer::status, Collectors.counting())));
        long[] ok = answers.stream().filter(a -> a.status() == 200).mapToLong(Answer::latency).sorted().toArray();
        long[] all = answers.stream().mapToLong(Answer::latency).sorted().toArray();
        text.append(String.format(Locale.ROOT, "%nThe minute through HAProxy (SIGTERM to replica 2 at %.1f s): %d"
                + " requests, statuses %s; the key limited to %d a minute: %d with 200 of %d; p50/p99 of the 200s"
                + " %.1f/%.1f ms, of all %.1f/%.1f ms; answers by replica %s%n", (sigterm - start) / 1e9,
                answers.size(), statuses, PER_MINUTE,
                answers.stream().filter(a -> a.limitedKey() && a.status() == 200).count(),
                answers.stream().filter(Answer::limitedKey).count(),
                ClosedLoopLoad.percentileMillis(ok, 0.5), ClosedLoopLoad.percentileMillis(ok, 0.99),
                ClosedLoopLoad.percentileMillis(all, 0.5), ClosedLoopLoad.percentileMillis(all, 0.99),
                new TreeMap<>(answers.stream().collect(Collectors.groupingBy(Answer::servedBy,
                        Collectors.counting())))));
        return text.toString();
    }

    /** The command's path, from the PATH or Debian's sbin (haproxy lives there, off a plain user's PATH). */
    private static Optional<String> command(String name) {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                Stream.of("/usr/sbin", "/usr/bin")).map(dir -> Path.of(dir, name)).filter(Files::isExecutable)
                .map(Path::toString).findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A helper server (redis-server, haproxy) in the foreground, its output in a log, stopped by SIGTERM. */
    private record Daemon(Process process) implements AutoCloseable {

        static Daemon start(String name, int port, Map<String, String> env, String... command)
                throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(WORK.resolve(name + ".log").toFile());
            builder.environment().putAll(env);
            Daemon daemon = new Daemon(builder.start());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!PackagedApp.portAnswers(port)) {
                if (!daemon.process().isAlive() || System.nanoTime() > deadline) {
                    daemon.close();
                    throw new IllegalStateException(name + " did not listen on " + port + "; see "
                            + WORK.resolve(name + ".log"));
                }
                Thread.sleep(50);
            }
            return daemon;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
