package dev.lantern.web.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Lantern's API keys and rate limit for an API outside {@code /api/*} whose key may come in its body, as LibreTranslate
 * clients send {@code api_key}: the router's gate cannot read a body, so the resource asks here once it has. The same
 * keys, buckets and metrics as {@link ApiKeyGate} and {@link RateLimits}; the statuses are LibreTranslate's (400 for a
 * missing key, 403 for a wrong one).
 */
@ApplicationScoped
public class ApiAccess {

    static final String MISSING = "This API needs a key: send it as api_key, 'Authorization: Bearer <key>' or"
            + " 'X-API-Key: <key>'.";

    @Inject
    ApiKeys keys;

    @Inject
    RateLimits limits;

    @Inject
    MeterRegistry registry;

    private Counter unauthorized;

    @PostConstruct
    void counters() {
        unauthorized = Rejections.counter(registry, "unauthorized");
    }

    /** True when the APIs need a key. */
    public boolean keyRequired() {
        return keys.required();
    }

    /**
     * Lets the request on, or throws why not. The rate limit comes first, as on {@code /api/*}, so that it also slows
     * key guessing; it counts per key holder, or per client address without a valid key.
     *
     * @param bodyKey the key in the body, or null/blank to take the one in the headers
     * @throws AccessRefused 429 (or 503) over the rate limit, 400 without a key, 403 with a wrong one
     */
    public void admit(String bodyKey, HttpServerRequest request) {
        String key = bodyKey == null || bodyKey.isBlank() ? ApiKeys.presented(request) : bodyKey.trim();
        Optional<String> holder = keys.holderOf(key);
        String caller = holder.orElseGet(() -> RateLimits.address(request.remoteAddress()));
        limits.consume(caller).join().ifPresent(refused -> {
            throw refused;
        });
        if (keys.required() && holder.isEmpty()) {
            unauthorized.increment();
            throw key == null ? new AccessRefused(400, MISSING, 0) : new AccessRefused(403, ApiKeyGate.WRONG, 0);
        }
    }
}
