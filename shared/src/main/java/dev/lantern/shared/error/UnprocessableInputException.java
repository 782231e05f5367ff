package dev.lantern.shared.error;

/** The input is well formed but cannot be handled, such as an unsupported language. */
public class UnprocessableInputException extends LanternException {

    public UnprocessableInputException(String message) {
        super(Kind.UNPROCESSABLE, message, null);
    }

    public UnprocessableInputException(String message, Throwable cause) {
        super(Kind.UNPROCESSABLE, message, cause);
    }
}
