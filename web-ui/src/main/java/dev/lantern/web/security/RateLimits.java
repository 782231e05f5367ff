package dev.lantern.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lantern.web.error.RouteErrors;
import dev.lantern.web.http.RouteOrder;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * {@code lantern.security.rate-limit.requests-per-minute} requests to {@code /api/*} per API key, or per client
 * address for a request without a valid key (all of them when keys are off); over it, a 429 JSON error with
 * {@code Retry-After}. The address is the connection's: Quarkus replaces it with {@code X-Forwarded-For} only when
 * {@code quarkus.http.proxy.*} says the proxy in front is trusted. Each caller's bucket refills steadily over a minute.
 */
@ApplicationScoped
public class RateLimits {

    /** Callers remembered at once; past it the least recently seen are forgotten, so memory stays bounded. */
    static final int MAX_CALLERS = 100_000;

    @Inject
    SecurityConfig config;

    @Inject
    ApiKeys keys;

    @Inject
    MeterRegistry registry;

    void register(@Observes Router router) {
        int perMinute = config.rateLimit().requestsPerMinute();
        if (perMinute <= 0) {
            return;
        }
        // a bucket idle for a minute is full again, so forgetting it then changes nothing
        Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(1))
                .maximumSize(MAX_CALLERS).build();
        Counter rateLimited = Rejections.counter(registry, "rate_limited");
        router.route(Rejections.APIS).order(RouteOrder.RATE_LIMITS).handler(context -> {
            Bucket bucket = buckets.get(caller(context), ignored -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .build());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                context.next();
                return;
            }
            rateLimited.increment();
            long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
            context.response().putHeader("Retry-After", Long.toString(retryAfter));
            RouteErrors.answer(context, 429, "Too many requests: at most " + perMinute
                    + " a minute; try again in " + retryAfter + " s.");
        });
    }

    private String caller(RoutingContext context) {
        return keys.holderOf(context).orElseGet(() -> address(context.request().remoteAddress()));
    }

    private static String address(SocketAddress remote) {
        return remote == null ? "unknown" : "address-" + remote.hostAddress();
    }
}
