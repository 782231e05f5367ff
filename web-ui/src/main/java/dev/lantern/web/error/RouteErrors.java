package dev.lantern.web.error;

import dev.lantern.web.http.RequestId;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * Error answers from router routes, which refuse a request before any resource runs: the same JSON body and log line
 * as {@link ErrorMapper}'s, so a client and an operator cannot tell where the refusal came from.
 */
public final class RouteErrors {

    private static final Logger LOG = Logger.getLogger(RouteErrors.class);

    private RouteErrors() {}

    /** Ends the answer with an {@link ErrorBody}; headers set on the response before this call are kept. */
    public static void answer(RoutingContext context, int status, String message) {
        String requestId = RequestId.current();
        LOG.infof("Request %s answered %d: %s", requestId, status, message);
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(JsonObject.mapFrom(new ErrorBody(message, status, requestId)).encode());
    }
}
