package dev.lantern.web.security;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The buckets in Redis, through Bucket4j's Lettuce integration (a compare-and-swap per request), so that every replica
 * pointed at the same Redis enforces one limit per caller. A start without Redis goes on, and connecting is retried;
 * an established connection reconnects by itself. While Redis cannot be reached each call fails at once, and the
 * state says why, logged loudly once per outage.
 */
final class RedisBuckets implements AutoCloseable {

    /** Between connection attempts at start, while Redis has never answered. */
    static final Duration RETRY = Duration.ofSeconds(5);
    /** A check slower than this counts as Redis being down: the request should not wait on it. */
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    private static final Logger LOG = Logger.getLogger(RedisBuckets.class);

    private final RateLimitRule rule;
    private final String whileDown;
    private final RedisURI uri;
    private final String where;
    private final String keyPrefix;
    private final RedisClient client;
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lantern-redis-connect");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<AsyncProxyManager<String>> buckets = new AtomicReference<>();
    private final AtomicReference<StatefulRedisConnection<String, byte[]>> connection = new AtomicReference<>();
    /** Why Redis is not in use now, or null while it answers. */
    private final AtomicReference<String> problem = new AtomicReference<>();

    /** {@code whileDown} says in the log what the limit does while Redis cannot be reached. */
    RedisBuckets(String url, RateLimitRule rule, String whileDown) {
        this.rule = rule;
        this.whileDown = whileDown;
        this.uri = RedisURI.create(url);
        uri.setTimeout(TIMEOUT);
        this.where = uri.getHost() + ":" + uri.getPort(); // no password in the log
        // the rule is part of the key: replicas with another rule never share (or corrupt) a bucket
        this.keyPrefix = "lantern:rate-limit:" + rule.perMinute() + "/" + rule.burst() + ":";
        this.client = RedisClient.create();
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT)).build());
        problem.set("connecting to Redis at " + where);
        connector.execute(this::connect);
    }

    /** Takes one token from the caller's bucket in Redis; fails at once while Redis cannot be reached. */
    CompletableFuture<ConsumptionProbe> tryConsume(String caller) {
        AsyncProxyManager<String> manager = buckets.get();
        if (manager == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(problem.get()));
        }
        return manager.builder().build(keyPrefix + caller, () -> CompletableFuture.completedFuture(rule.bucket()))
                .tryConsumeAndReturnRemaining(1)
                .whenComplete((probe, failure) -> {
                    if (failure == null) {
                        reachable();
                    } else {
                        unreachable(failure);
                    }
                });
    }

    /** Why the limits are not shared right now, or empty while Redis answers. */
    Optional<String> problem() {
        return Optional.ofNullable(problem.get());
    }

    /** Where Redis is, without credentials. */
    String where() {
        return where;
    }

    private void connect() {
        try {
            StatefulRedisConnection<String, byte[]> connected =
                    client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri);
            connection.set(connected);
            buckets.set(Bucket4jLettuce.casBasedBuilder(connected)
                    // a bucket that would be full again is deleted, so Redis holds only callers seen lately
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                            Duration.ofSeconds(10)))
                    .build().asAsync());
            reachable();
        } catch (RuntimeException e) {
            unreachable(e);
            if (!connector.isShutdown()) {
                connector.schedule(this::connect, RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void reachable() {
        if (problem.getAndSet(null) != null) {
            LOG.infof("Rate limits are shared through Redis at %s", where);
        }
    }

    private void unreachable(Throwable failure) {
        String why = "Redis at " + where + " cannot be reached since " + Instant.now() + " (" + rootMessage(failure)
                + ")";
        String before = problem.get();
        if ((before == null || before.startsWith("connecting")) && problem.compareAndSet(before, why)) {
            LOG.errorf("The shared rate limits are out of service: %s. Until Redis answers again, %s.", why,
                    whileDown);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @Override
    public void close() {
        connector.shutdownNow();
        StatefulRedisConnection<String, byte[]> open = connection.getAndSet(null);
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
