package dev.lantern.web.http;

/**
 * The order of Lantern's Vert.x route handlers, which run before the resources on every request: one list, read top
 * to bottom as a request meets them.
 */
public final class RouteOrder {

    private RouteOrder() {}

    /** {@link RequestId}: before every other handler, so that what they log carries the id. */
    public static final int REQUEST_ID = Integer.MIN_VALUE + 100;

    /** {@link SecurityHeaders}: before anything that answers. */
    public static final int SECURITY_HEADERS = REQUEST_ID + 1;

    /** {@link CachePolicy}: before anything that answers. */
    public static final int CACHE_POLICY = REQUEST_ID + 2;

    /** {@link CorsOrigins}: before anything that answers (a preflight is answered here). */
    public static final int CORS = REQUEST_ID + 3;

    /** {@link ShutdownDrain}: after the id and the headers, so that the refusal carries them. */
    public static final int SHUTDOWN_DRAIN = REQUEST_ID + 4;

    /** The rate limits: after the headers, CORS and the shutdown refusal; before the API keys (slows key guessing). */
    public static final int RATE_LIMITS = REQUEST_ID + 5;

    /** The API key gate: after the rate limits; before the resources. */
    public static final int API_KEYS = REQUEST_ID + 6;
}
