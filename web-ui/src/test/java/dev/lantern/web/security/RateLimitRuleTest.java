package dev.lantern.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rule a limit enforces, on the real buckets driven by a clock the test moves: a client that sends without pause
 * for five minutes gets at most {@code requests-per-minute} answers in every minute-long window, not only after one
 * burst. (The bucket before this rule, capacity and refill both the minute's number, let 2N - 1 through in the first
 * minute: 119 of 60.)
 */
class RateLimitRuleTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    /** A clock that moves only when told. */
    private static final class TestClock implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    @ParameterizedTest(name = "{0} a minute, burst {1}")
    @CsvSource({"60, 30", "30, 15", "60, 60", "60, 1", "1, 1", "7, 3", "1000, 500"})
    void aClientSendingContinuouslyGetsAtMostTheNumberInAnyMinute(int perMinute, int burst) {
        RateLimitRule rule = new RateLimitRule(perMinute, burst);
        TestClock clock = new TestClock();
        LocalBuckets buckets = new LocalBuckets(rule, clock);
        List<Long> answered = new ArrayList<>();
        for (clock.nanos = 0; clock.nanos < 5 * MINUTE; clock.nanos += SECOND / 50) { // 50 requests a second
            if (buckets.tryConsume("key-1").isConsumed()) {
                answered.add(clock.nanos);
            }
        }
        // every window [t, t + 60 s) that starts at an answer: the sliding minute a client would count
        int most = 0;
        for (int first = 0, last = 0; first < answered.size(); first++) {
            while (last < answered.size() && answered.get(last) < answered.get(first) + MINUTE) {
                last++;
            }
            most = Math.max(most, last - first);
        }
        assertEquals(perMinute, most, "the most answers in one minute");
        // and the limit is not stricter than it says: the first minute from the first request gets all of them
        assertEquals(perMinute, answered.stream().filter(t -> t < MINUTE).count());
        assertTrue(answered.size() >= perMinute + 4 * rule.refillPerMinute() - 1, answered.size() + " in 5 minutes");
    }

    @Test
    void aBurstGetsTheBurstThenWaitsForTheSpreadRest() {
        TestClock clock = new TestClock();
        LocalBuckets buckets = new LocalBuckets(new RateLimitRule(60, 30), clock);
        for (int i = 0; i < 30; i++) {
            assertTrue(buckets.tryConsume("address-192.0.2.1").isConsumed(), "request " + (i + 1));
        }
        ConsumptionProbe refused = buckets.tryConsume("address-192.0.2.1");
        assertFalse(refused.isConsumed());
        // 31 a minute refill: the next in 60/31 s
        assertEquals(MINUTE / 31, refused.getNanosToWaitForRefill(), 1_000_000);
        assertTrue(buckets.tryConsume("address-192.0.2.2").isConsumed(), "another caller has its own bucket");
    }

    @Test
    void theRuleIsSaidAsItIsEnforced() {
        assertEquals("at most 60 in any minute, 30 of them at once", new RateLimitRule(60, 30).describe());
        assertEquals("at most 30 in any minute, 1 at a time", new RateLimitRule(30, 1).describe());
    }

    @Test
    void theBurstDefaultsToHalfAndMustFitTheMinute() {
        assertEquals(30, RateLimitRule.of(settings(60, null)).burst());
        assertEquals(4, RateLimitRule.of(settings(7, null)).burst());
        assertEquals(1, RateLimitRule.of(settings(1, null)).burst());
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> RateLimitRule.of(settings(10, 11)));
        assertTrue(tooBig.getMessage().contains("lantern.security.rate-limit.burst"), tooBig.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RateLimitRule(10, 0));
    }

    private static SecurityConfig.RateLimit settings(int perMinute, Integer burst) {
        return new SecurityConfig.RateLimit() {
            @Override
            public int requestsPerMinute() {
                return perMinute;
            }

            @Override
            public Optional<Integer> burst() {
                return Optional.ofNullable(burst);
            }

            @Override
            public Optional<String> redisUrl() {
                return Optional.empty();
            }

            @Override
            public SecurityConfig.RedisDown whenRedisDown() {
                return SecurityConfig.RedisDown.PER_REPLICA;
            }
        };
    }
}
