package dev.lantern.shared.error;

/** The model behind a task is missing, failed to load or is still loading. */
public class ModelUnavailableException extends LanternException {

    public ModelUnavailableException(String message) {
        super(Kind.UNAVAILABLE, message, null);
    }

    public ModelUnavailableException(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
    }
}
