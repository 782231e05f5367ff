package dev.lantern.web.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What the security routes guard, and the metric that counts what they refuse. */
final class Rejections {

    /** Every API; Vert.x matches it against the normalised path, so {@code /x/../api/...} is guarded too. */
    static final String APIS = "/api/*";

    private Rejections() {}

    /** {@code lantern_http_rejected_total{reason="..."}} at {@code /q/metrics}, registered at start so it reads 0. */
    static Counter counter(MeterRegistry registry, String reason) {
        return Counter.builder("lantern.http.rejected").tag("reason", reason)
                .description("API requests refused before reaching a model: no valid key, or over the rate limit")
                .register(registry);
    }
}
