package dev.lantern.web.security;

import dev.lantern.shared.runtime.Ranges;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Settings for a public deployment ({@code lantern.security.*}): all off by default, for demos. */
@ConfigMapping(prefix = "lantern.security")
public interface SecurityConfig {

    /** Keys that open {@code /api/*} (comma-separated); with none here or in the file, the APIs need no key. */
    Optional<List<String>> apiKeys();

    /** A file of more keys, one a line; blank lines and lines starting with {@code #} are skipped. */
    Optional<Path> apiKeysFile();

    RateLimit rateLimit();

    interface RateLimit {

        /**
         * The most requests to {@code /api/*} answered in any 60 seconds per key (per client address without one);
         * 0 = no limit.
         */
        @WithDefault("0")
        @WithConverter(Ranges.AtLeastZero.class)
        int requestsPerMinute();

        /**
         * How many of them may come at once (1 to {@code requests-per-minute}); the rest are spread over the minute.
         * Without it, half of {@code requests-per-minute}, rounded up.
         */
        Optional<Integer> burst();

        /**
         * Redis holding the buckets ({@code redis://host:6379}, {@code rediss://} for TLS), so that every replica
         * enforces one limit; without it each process keeps its own.
         */
        Optional<String> redisUrl();

        /** What the limit does while Redis cannot be reached. */
        @WithDefault("per-replica")
        RedisDown whenRedisDown();
    }

    /** The rate limit's behaviour while its Redis is unreachable. */
    enum RedisDown {
        /** Fail open: each replica limits on its own, from memory, until Redis answers again. */
        PER_REPLICA,
        /** Fail closed: {@code /api/*} answers 503 with {@code Retry-After} until Redis answers again. */
        REFUSE
    }
}
