package dev.lantern.web.suite;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Settings of the web layer ({@code lantern.web.*}). */
@ConfigMapping(prefix = "lantern.web")
public interface WebConfig {

    /** Show the portal at {@code /} even with one task; false sends a lone task app's root to its page. */
    @WithDefault("false")
    boolean portal();

    /**
     * Origins ({@code https://example.org}) whose pages may call the APIs from a browser; none (the default) keeps
     * cross-origin calls closed.
     */
    Optional<List<String>> corsOrigins();

    /**
     * Who may show the pages in a frame: the sources of the Content-Security-Policy's {@code frame-ancestors};
     * {@code 'none'} (the default) also sends {@code X-Frame-Options: DENY} for older browsers.
     */
    @WithDefault("'none'")
    String frameAncestors();
}
