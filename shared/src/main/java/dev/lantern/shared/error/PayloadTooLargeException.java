package dev.lantern.shared.error;

/** The input is larger than the configured limit (bytes, pixels, characters, items). */
public class PayloadTooLargeException extends LanternException {

    public PayloadTooLargeException(String message) {
        super(Kind.TOO_LARGE, message, null);
    }

    public PayloadTooLargeException(String message, Throwable cause) {
        super(Kind.TOO_LARGE, message, cause);
    }
}
