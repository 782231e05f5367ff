package dev.lantern.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/** One process's buckets, in memory: the rate limit without Redis, and with it while Redis is unreachable. */
final class LocalBuckets {

    /** Callers remembered at once; past it the least recently seen are forgotten, so memory stays bounded. */
    private static final int MAX_CALLERS = 100_000;

    private final RateLimitRule rule;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    LocalBuckets(RateLimitRule rule, TimeMeter clock) {
        this.rule = rule;
        this.clock = clock;
        // a bucket idle until it is full again is a new one, so forgetting it then changes nothing
        this.buckets = Caffeine.newBuilder().expireAfterAccess(rule.timeToFill()).maximumSize(MAX_CALLERS).build();
    }

    ConsumptionProbe tryConsume(String caller) {
        return buckets.get(caller, ignored -> Bucket.builder().withCustomTimePrecision(clock)
                .addLimit(rule.bucket().getBandwidths()[0]).build()).tryConsumeAndReturnRemaining(1);
    }
}
