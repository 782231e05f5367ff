package dev.lantern.web.error;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The JSON body of every error answer: {@code {"error": "...", "status": 400, "requestId": "..."}}; the request id is
 * also in the answer's {@code X-Request-Id} header and in the server's log line for the error.
 * Registered for reflection: exception mappers return it inside a {@code Response}, where Quarkus does not see its type
 * when it builds a native executable (whose error answers were 500s without it).
 */
@RegisterForReflection
public record ErrorBody(String error, int status, String requestId) {}
