package dev.lantern.web.http;

import dev.lantern.web.suite.WebConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin calls from the origins of {@code lantern.web.cors-origins} only. With none set, nothing is added and
 * browsers keep other sites' pages from reading any answer. A request from another origin is still answered (the
 * browser withholds it), as it was before this setting existed.
 */
@ApplicationScoped
public class CorsOrigins {

    @Inject
    WebConfig config;

    void register(@Observes Router router) {
        Set<String> allowed = Set.copyOf(config.corsOrigins().orElse(List.of()).stream().map(String::trim)
                .filter(origin -> !origin.isEmpty()).toList());
        if (!allowed.isEmpty()) {
            router.route().order(RouteOrder.CORS).handler(context -> apply(context, allowed));
        }
    }

    private static void apply(RoutingContext context, Set<String> allowed) {
        HttpServerResponse response = context.response();
        response.headers().add("Vary", "Origin");
        String origin = context.request().getHeader("Origin");
        if (origin == null || !allowed.contains(origin)) {
            context.next();
            return;
        }
        response.putHeader("Access-Control-Allow-Origin", origin);
        response.putHeader("Access-Control-Expose-Headers", RequestId.HEADER + ", Retry-After");
        boolean preflight = context.request().method() == HttpMethod.OPTIONS
                && context.request().getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            response.putHeader("Access-Control-Allow-Methods", "GET, POST");
            response.putHeader("Access-Control-Allow-Headers",
                    "Content-Type, Authorization, X-API-Key, " + RequestId.HEADER);
            response.putHeader("Access-Control-Max-Age", "600");
            response.setStatusCode(204).end();
            return;
        }
        context.next();
    }
}
