package dev.lantern.web.security;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * At most {@code perMinute} requests in any 60 seconds, {@code burst} of them at once. A token bucket lets through
 * what it holds plus what refills, so its capacity is the burst and it refills {@code perMinute - burst + 1} tokens a
 * minute: in any minute that is the full bucket and fewer than {@code perMinute - burst + 1} refilled tokens, at most
 * {@code perMinute}. (A bucket of {@code perMinute} refilled {@code perMinute} a minute let through almost twice that.)
 */
record RateLimitRule(int perMinute, int burst) {

    RateLimitRule {
        if (perMinute < 1) {
            throw new IllegalArgumentException("lantern.security.rate-limit.requests-per-minute must be at least 1");
        }
        if (burst < 1 || burst > perMinute) {
            throw new IllegalArgumentException("lantern.security.rate-limit.burst must be from 1 to"
                    + " requests-per-minute (" + perMinute + "), was " + burst);
        }
    }

    /** The configured rule; its burst defaults to half the minute's requests, rounded up. */
    static RateLimitRule of(SecurityConfig.RateLimit config) {
        int perMinute = config.requestsPerMinute();
        return new RateLimitRule(perMinute, config.burst().orElse((perMinute + 1) / 2));
    }

    long refillPerMinute() {
        return perMinute - burst + 1L;
    }

    BucketConfiguration bucket() {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(refillPerMinute(), Duration.ofMinutes(1)))
                .build();
    }

    /** How long an emptied bucket takes to be full again: a caller idle that long can be forgotten. */
    Duration timeToFill() {
        return Duration.ofMillis((burst * 60_000L + refillPerMinute() - 1) / refillPerMinute());
    }

    /** The rule in words, for the 429 answer. */
    String describe() {
        return "at most " + perMinute + " in any minute, " + burst + (burst == 1 ? " at a time" : " of them at once");
    }
}
