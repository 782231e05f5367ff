package dev.lantern.web.http;

import dev.lantern.web.suite.WebConfig;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Security headers on every answer. The pages load only their own files (no inline script or style, no eval), so
 * their Content-Security-Policy allows nothing else, plus the {@code blob:} URLs of the image previews. Swagger UI's
 * generated page has inline script and style, so its path gets a policy that allows them.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String SWAGGER_UI = "/q/swagger-ui";

    static final String PAGES = "default-src 'self'; img-src 'self' blob:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'";
    static final String SWAGGER = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'";

    @Inject
    WebConfig config;

    void register(@Observes Router router) {
        String frameAncestors = config.frameAncestors().trim();
        String pages = PAGES + "; frame-ancestors " + frameAncestors;
        String swagger = SWAGGER + "; frame-ancestors " + frameAncestors;
        boolean deny = "'none'".equals(frameAncestors);
        router.route().order(RouteOrder.SECURITY_HEADERS).handler(context -> {
            String policy = context.normalizedPath().startsWith(SWAGGER_UI) ? swagger : pages;
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                headers.set("Content-Security-Policy", policy);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                if (deny) {
                    headers.set("X-Frame-Options", "DENY");
                }
            });
            context.next();
        });
    }
}
