package dev.lantern.shared.error;

import java.util.OptionalInt;

/**
 * A failure that the caller can be told about in plain words. The {@link Kind} says what went wrong, so that the
 * web layer can choose a status code without the core knowing about HTTP.
 */
public abstract class LanternException extends RuntimeException {

    /** What kind of failure this is; each maps to one HTTP status in the web layer. */
    public enum Kind {
        BAD_INPUT,
        TOO_LARGE,
        UNSUPPORTED_MEDIA,
        UNPROCESSABLE,
        UNAVAILABLE,
        BUSY
    }

    private final Kind kind;
    private final OptionalInt retryAfterSeconds;

    protected LanternException(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, OptionalInt.empty());
    }

    protected LanternException(Kind kind, String message, Throwable cause, OptionalInt retryAfterSeconds) {
        super(message, cause);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    /** When the caller may try again, in seconds (an HTTP {@code Retry-After}), where the failure knows. */
    public OptionalInt retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * The same failure, {@link #retryAfterSeconds} included, with a prefix that says which part of the request it
     * concerns ("Image 3: ...").
     */
    public LanternException withContext(String context) {
        return new Contextual(kind, context + ": " + getMessage(), this, retryAfterSeconds);
    }

    private static final class Contextual extends LanternException {
        Contextual(Kind kind, String message, Throwable cause, OptionalInt retryAfterSeconds) {
            super(kind, message, cause, retryAfterSeconds);
        }
    }
}
