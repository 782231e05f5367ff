package dev.lantern.shared.error;

/** The model behind a task is missing, failed to load or is still loading. */
public class ModelUnavailableException extends LanternException {

    /** When a client should ask again, unless the thrower knows better. */
    private static final int DEFAULT_RETRY_AFTER_SECONDS = 30;

    private final int retryAfterSeconds;

    public ModelUnavailableException(String message) {
        this(message, DEFAULT_RETRY_AFTER_SECONDS);
    }

    public ModelUnavailableException(String message, int retryAfterSeconds) {
        super(Kind.UNAVAILABLE, message, null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ModelUnavailableException(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
        this.retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
    }

    /** Seconds until the model may be there: the next load attempt, or a default. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
