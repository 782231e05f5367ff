package dev.lantern.shared.error;

/** The input is malformed: a corrupt image, a bad parameter, unreadable JSON. */
public class BadInputException extends LanternException {

    public BadInputException(String message) {
        super(Kind.BAD_INPUT, message, null);
    }

    public BadInputException(String message, Throwable cause) {
        super(Kind.BAD_INPUT, message, cause);
    }
}
