package dev.lantern.web.security;

/**
 * A request that the API keys or the rate limit turn away: the status, the message and, for a 429 or 503, when to try
 * again. {@link ApiAccess} throws it for the APIs that read their key from the body, and each such API answers it in
 * its own error shape.
 */
public class AccessRefused extends RuntimeException {

    private final int status;
    private final long retryAfterSeconds;

    AccessRefused(int status, String message, long retryAfterSeconds) {
        super(message, null, false, false); // an answer, not a failure: no stack trace to fill
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** Seconds for a {@code Retry-After} header, or 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
