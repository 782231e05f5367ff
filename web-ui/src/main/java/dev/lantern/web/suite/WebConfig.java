package dev.lantern.web.suite;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the web layer ({@code lantern.web.*}). */
@ConfigMapping(prefix = "lantern.web")
public interface WebConfig {

    /** Show the portal at {@code /} even with one task; false sends a lone task app's root to its page. */
    @WithDefault("false")
    boolean portal();
}
