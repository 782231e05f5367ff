package dev.lantern.shared.error;

/** The input is of a type that this task does not take (not an image, not text). */
public class UnsupportedMediaException extends LanternException {

    public UnsupportedMediaException(String message) {
        super(Kind.UNSUPPORTED_MEDIA, message, null);
    }

    public UnsupportedMediaException(String message, Throwable cause) {
        super(Kind.UNSUPPORTED_MEDIA, message, cause);
    }
}
