package dev.lantern.web.security;

import dev.lantern.web.error.RouteErrors;
import dev.lantern.web.http.RouteOrder;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * {@code lantern.security.rate-limit.*}: at most {@code requests-per-minute} requests to {@code /api/*} (and, through
 * {@link ApiAccess}, to the APIs that take their key in the body) in any minute
 * per API key, or per client address for a request without a valid key (all of them when keys are off),
 * {@code burst} of them at once ({@link RateLimitRule}); over it, a 429 JSON error with {@code Retry-After}. The
 * address is the connection's: Quarkus replaces it with {@code X-Forwarded-For} only when {@code quarkus.http.proxy.*}
 * says the proxy in front is trusted. The buckets live in this process, or with {@code redis-url} in Redis, shared by
 * every replica; while Redis cannot be reached, {@code when-redis-down} decides.
 */
@ApplicationScoped
public class RateLimits {

    private static final String UNCHECKED = "The rate limit cannot be checked right now; try again in 5 s.";

    private static final Logger LOG = Logger.getLogger(RateLimits.class);

    @Inject
    SecurityConfig config;

    @Inject
    ApiKeys keys;

    @Inject
    MeterRegistry registry;

    private RateLimitRule rule;
    private LocalBuckets local;
    private RedisBuckets redis;
    private boolean refuse;
    private Counter rateLimited;

    void register(@Observes Router router) {
        SecurityConfig.RateLimit settings = config.rateLimit();
        if (settings.requestsPerMinute() <= 0) {
            return;
        }
        rule = RateLimitRule.of(settings);
        local = new LocalBuckets(rule, TimeMeter.SYSTEM_MILLISECONDS);
        refuse = settings.whenRedisDown() == SecurityConfig.RedisDown.REFUSE;
        redis = settings.redisUrl().map(url -> new RedisBuckets(url, rule,
                refuse ? "the APIs answer 503" : "each replica limits on its own")).orElse(null);
        LOG.infof("Rate limit: %s per caller, %s", rule.describe(),
                redis == null ? "counted by this process" : "shared by the replicas through Redis at " + redis.where());
        rateLimited = Rejections.counter(registry, "rate_limited");
        router.route(Rejections.APIS).order(RouteOrder.RATE_LIMITS).handler(context -> {
            CompletableFuture<Optional<AccessRefused>> verdict = consume(caller(context));
            if (verdict.isDone()) {
                settle(context, verdict.join());
                return;
            }
            // Quarkus holds the request's body back until a resource reads it, so waiting on Redis loses nothing
            Context vertx = Vertx.currentContext();
            verdict.thenAccept(refusal -> vertx.runOnContext(ignored -> settle(context, refusal)));
        });
    }

    /**
     * Takes one request from {@code caller}'s allowance: empty when it may go on, else the refusal (a 429, or a 503
     * while Redis cannot be reached and {@code when-redis-down=refuse}). Never fails; empty when limits are off.
     */
    CompletableFuture<Optional<AccessRefused>> consume(String caller) {
        if (rule == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (redis == null) {
            return CompletableFuture.completedFuture(verdict(local.tryConsume(caller)));
        }
        return redis.tryConsume(caller).handle((probe, failure) -> {
            if (failure == null) {
                return verdict(probe);
            }
            return refuse ? Optional.of(new AccessRefused(503, UNCHECKED, 5)) : verdict(local.tryConsume(caller));
        });
    }

    /** How the limit is counted now, for {@code /q/health}. */
    RateLimitState state() {
        if (rule == null) {
            return new RateLimitState(true, "off", "no limit");
        }
        if (redis == null) {
            return new RateLimitState(true, "per replica", rule.describe());
        }
        return redis.problem().map(problem -> refuse
                ? new RateLimitState(false, "not at all: the APIs answer 503 while " + problem, rule.describe())
                : new RateLimitState(true, "per replica while " + problem, rule.describe()))
                .orElseGet(() -> new RateLimitState(true, "shared through Redis at " + redis.where(), rule.describe()));
    }

    void close(@Observes ShutdownEvent event) {
        if (redis != null) {
            redis.close();
        }
    }

    private Optional<AccessRefused> verdict(ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        rateLimited.increment();
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
        return Optional.of(new AccessRefused(429, "Too many requests: " + rule.describe() + "; try again in "
                + retryAfter + " s.", retryAfter));
    }

    private static void settle(RoutingContext context, Optional<AccessRefused> refusal) {
        refusal.ifPresentOrElse(refused -> {
            context.response().putHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
            RouteErrors.answer(context, refused.status(), refused.getMessage());
        }, context::next);
    }

    private String caller(RoutingContext context) {
        return keys.holderOf(context).orElseGet(() -> address(context.request().remoteAddress()));
    }

    /** The bucket of a request without a valid key: its client address. */
    static String address(SocketAddress remote) {
        return remote == null ? "unknown" : "address-" + remote.hostAddress();
    }
}
