package dev.lantern.web.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is short and safe to log, else a new one. It
 * is sent back in the same header on every answer, is in the body of every error answer and, through the logging
 * MDC ({@code requestId}), in every log line written while the request is handled, so a user's error can be found
 * in the log.
 */
@ApplicationScoped
public class RequestId {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void register(@Observes Router router) {
        router.route().order(RouteOrder.REQUEST_ID).handler(this::tag);
    }

    private void tag(RoutingContext context) {
        String id = accepted(context.request().getHeader(HEADER));
        MDC.put(MDC_KEY, id); // kept in the request's own Vert.x context, so worker threads see it too
        context.response().putHeader(HEADER, id);
        context.next();
    }

    /** The id of the request being handled on this thread, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    static String accepted(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : fresh();
    }

    private static String fresh() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
