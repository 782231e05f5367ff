package dev.lantern.shared.error;

import java.util.OptionalInt;

/** The model behind a task is missing, failed to load or is still loading. */
public class ModelUnavailableException extends LanternException {

    /** When a client should ask again, unless the thrower knows better. */
    private static final int DEFAULT_RETRY_AFTER_SECONDS = 30;

    public ModelUnavailableException(String message) {
        this(message, DEFAULT_RETRY_AFTER_SECONDS);
    }

    /** {@code retryAfterSeconds}: until the model may be there (the next load attempt). */
    public ModelUnavailableException(String message, int retryAfterSeconds) {
        super(Kind.UNAVAILABLE, message, null, OptionalInt.of(retryAfterSeconds));
    }

    public ModelUnavailableException(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause, OptionalInt.of(DEFAULT_RETRY_AFTER_SECONDS));
    }
}
