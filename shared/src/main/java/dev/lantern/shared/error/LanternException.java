package dev.lantern.shared.error;

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

    protected LanternException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The same failure with a prefix that says which part of the request it concerns ("Image 3: ..."). */
    public LanternException withContext(String context) {
        return new Contextual(kind, context + ": " + getMessage(), this);
    }

    private static final class Contextual extends LanternException {
        Contextual(Kind kind, String message, Throwable cause) {
            super(kind, message, cause);
        }
    }
}
