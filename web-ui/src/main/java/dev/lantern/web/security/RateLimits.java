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
import org.jboss.logging.Logger;

/**
 * {@code lantern.security.rate-limit.*}: at most {@code requests-per-minute} requests to {@code /api/*} in any minute
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
            String caller = caller(context);
            if (redis == null) {
                answer(context, local.tryConsume(caller));
                return;
            }
            // Quarkus holds the request's body back until a resource reads it, so waiting on Redis loses nothing
            Context vertx = Vertx.currentContext();
            redis.tryConsume(caller).whenComplete((probe, failure) -> vertx.runOnContext(ignored -> {
                if (failure == null) {
                    answer(context, probe);
                } else if (refuse) {
                    context.response().putHeader("Retry-After", "5");
                    RouteErrors.answer(context, 503, UNCHECKED);
                } else {
                    answer(context, local.tryConsume(caller));
                }
            }));
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

    private void answer(RoutingContext context, ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            context.next();
            return;
        }
        rateLimited.increment();
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
        context.response().putHeader("Retry-After", Long.toString(retryAfter));
        RouteErrors.answer(context, 429, "Too many requests: " + rule.describe() + "; try again in " + retryAfter
                + " s.");
    }

    private String caller(RoutingContext context) {
        return keys.holderOf(context).orElseGet(() -> address(context.request().remoteAddress()));
    }

    private static String address(SocketAddress remote) {
        return remote == null ? "unknown" : "address-" + remote.hostAddress();
    }
}
