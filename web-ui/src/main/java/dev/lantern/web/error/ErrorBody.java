package dev.lantern.web.error;

/**
 * The JSON body of every error answer: {@code {"error": "...", "status": 400, "requestId": "..."}}; the request id is
 * also in the answer's {@code X-Request-Id} header and in the server's log line for the error.
 */
public record ErrorBody(String error, int status, String requestId) {}
