package dev.lantern.web.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * How browsers may keep answers. Pages and their files keep their names across upgrades, so a browser revalidates
 * them on every use ({@code no-cache}, answered by a cheap 304 while unchanged) instead of keeping an old page for a
 * day; answers that carry no validator (the APIs, health, metrics, errors) are never stored ({@code no-store}).
 */
@ApplicationScoped
public class CachePolicy {

    void register(@Observes Router router) {
        router.route().order(RouteOrder.CACHE_POLICY).handler(CachePolicy::apply);
    }

    private static void apply(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            boolean revalidates = context.response().getStatusCode() == 304 || headers.contains("ETag")
                    || headers.contains("Last-Modified");
            headers.set("Cache-Control", revalidates ? "no-cache" : "no-store");
        });
        context.next();
    }
}
