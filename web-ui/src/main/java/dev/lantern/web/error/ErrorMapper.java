package dev.lantern.web.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.lantern.shared.error.LanternException;
import dev.lantern.web.http.RequestId;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure of every API into a JSON error with a fitting status; a stack trace never leaves the server. */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    /** RESTEasy Reactive's form and multipart readers. */
    private static final String BODY_PARSERS = "org.jboss.resteasy.reactive.server.core.multipart.";

    @ServerExceptionMapper
    public Response lantern(LanternException e) {
        Response.ResponseBuilder response = Response.status(status(e.kind()));
        e.retryAfterSeconds().ifPresent(seconds -> response.header("Retry-After", seconds));
        return json(response, e.getMessage(), status(e.kind()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = switch (status) {
            case 404 -> "Not found.";
            case 405 -> "Method not allowed here.";
            case 406 -> "This endpoint answers JSON only.";
            case 415 -> "This endpoint does not take a body of this Content-Type; /q/swagger-ui lists the types each "
                    + "endpoint takes.";
            case 400 -> badRequest(e);
            default -> e.getMessage();
        };
        return json(Response.status(status), message, status);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        return json(Response.status(400), "The body is not valid JSON: " + e.getOriginalMessage(), 400);
    }

    /** Valid JSON of the wrong shape ({"text": [1, 2]}): Quarkus's own mapper for it answers 400 with no body. */
    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e) {
        String field = e.getPath().isEmpty() ? "" : " at '" + e.getPath().get(e.getPath().size() - 1).getFieldName()
                + "'";
        return json(Response.status(400), "The JSON has a value of the wrong type" + field + ".", 400);
    }

    /**
     * A multipart body that does not match its header (wrong boundary, cut off) fails in the framework's form parser
     * before any resource runs: the client's mistake, not the server's.
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e) {
        if (fromBodyParser(e)) {
            return json(Response.status(400), "The multipart body is malformed (" + e.getMessage()
                    + "); check that its boundary matches the Content-Type header.", 400);
        }
        return unexpected(e);
    }

    private static boolean fromBodyParser(IOException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith(BODY_PARSERS)) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response wrapped(CompletionException e) {
        return unwrap(e);
    }

    @ServerExceptionMapper
    public Response wrapped(ExecutionException e) {
        return unwrap(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.errorf(e, "Request %s failed unexpectedly", RequestId.current());
        return json(Response.status(500), "Internal error; the server log has the details.", 500);
    }

    private Response unwrap(Exception e) {
        Throwable cause = e.getCause();
        if (cause instanceof LanternException lantern) {
            return lantern(lantern);
        }
        if (cause instanceof WebApplicationException web) {
            return web(web);
        }
        return unexpected(cause instanceof Exception inner ? inner : e);
    }

    /**
     * The error body for one part of a request that failed while the rest succeeded (an image of a batch), logged
     * like a whole error answer; {@code CompletionException}s are unwrapped. The request id is passed in, since the
     * part may have finished on a model's thread, outside the request.
     */
    public static ErrorBody partFailed(Throwable failure, String requestId) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof LanternException lantern) {
            int status = status(lantern.kind());
            LOG.infof("Request %s answered %d for one part: %s", requestId, status, lantern.getMessage());
            return new ErrorBody(lantern.getMessage(), status, requestId);
        }
        LOG.errorf(cause, "Request %s failed unexpectedly in one part", requestId);
        return new ErrorBody("Internal error; the server log has the details.", 500, requestId);
    }

    static int status(LanternException.Kind kind) {
        return switch (kind) {
            case BAD_INPUT -> 400;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA -> 415;
            case UNPROCESSABLE -> 422;
            case UNAVAILABLE, BUSY -> 503;
        };
    }

    /** The JSON reader wraps a parse error in a bare "HTTP 400 Bad Request": say what was wrong instead. */
    private static String badRequest(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return "The body is not valid JSON: " + json.getOriginalMessage();
            }
        }
        return "HTTP 400 Bad Request".equals(e.getMessage())
                ? "The request body could not be read; check that it is valid JSON of the documented shape."
                : e.getMessage();
    }

    /** The answer, and one log line with the request id, the status and the message (500s are logged above). */
    private static Response json(Response.ResponseBuilder builder, String message, int status) {
        String requestId = RequestId.current();
        if (status != 500) {
            LOG.infof("Request %s answered %d: %s", requestId, status, message);
        }
        return builder.type(MediaType.APPLICATION_JSON).entity(new ErrorBody(message, status, requestId)).build();
    }
}
