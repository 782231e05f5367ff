package dev.lantern.shared.error;

import java.util.OptionalInt;

/** The request queue is full: the caller should retry after a short pause rather than wait in line. */
public class BusyException extends LanternException {

    public BusyException(String message, int retryAfterSeconds) {
        super(Kind.BUSY, message, null, OptionalInt.of(retryAfterSeconds));
    }
}
