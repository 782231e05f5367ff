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

        /** Requests to {@code /api/*} per minute per key (per client address without one); 0 = no limit. */
        @WithDefault("0")
        @WithConverter(Ranges.AtLeastZero.class)
        int requestsPerMinute();
    }
}
