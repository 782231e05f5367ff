package dev.lantern.web.http;

import dev.lantern.web.error.RouteErrors;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Takes no new request once the process is told to stop (SIGTERM). Quarkus's graceful shutdown
 * ({@code quarkus.shutdown.timeout}) waits for the requests in flight, but serves new ones meanwhile too: here they
 * get a 503 and {@code Connection: close}, so that a proxy sends them to another instance while the requests in
 * flight finish and the models close.
 */
@ApplicationScoped
public class ShutdownDrain {

    void register(@Observes Router router) {
        router.route().order(RouteOrder.SHUTDOWN_DRAIN).handler(context -> {
            if (!StopSignals.stopping()) {
                context.next();
                return;
            }
            context.response().putHeader("Connection", "close").putHeader("Retry-After", "5");
            RouteErrors.answer(context, 503, "The server is shutting down; try again in a moment.");
        });
    }
}
