package dev.lantern.shared.error;

/** The request queue is full: the caller should retry after a short pause rather than wait in line. */
public class BusyException extends LanternException {

    private final int retryAfterSeconds;

    public BusyException(String message, int retryAfterSeconds) {
        super(Kind.BUSY, message, null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
