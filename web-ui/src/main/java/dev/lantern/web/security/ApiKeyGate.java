package dev.lantern.web.security;

import dev.lantern.web.error.RouteErrors;
import dev.lantern.web.http.RouteOrder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * With API keys set, every {@code /api/*} request without a valid key gets a 401 JSON error and
 * {@code WWW-Authenticate: Bearer}. Pages, their files, health and metrics stay open, and so does a CORS preflight
 * from an allowed origin: {@code CorsOrigins} answers it before this route, as a browser sends it without the key.
 */
@ApplicationScoped
public class ApiKeyGate {

    static final String MISSING =
            "This API needs a key: send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.";
    static final String WRONG = "The API key is not valid.";

    private static final Logger LOG = Logger.getLogger(ApiKeyGate.class);

    @Inject
    ApiKeys keys;

    @Inject
    MeterRegistry registry;

    void register(@Observes Router router) {
        if (!keys.required()) {
            return;
        }
        LOG.infof("The APIs need one of %d API keys", keys.count());
        Counter unauthorized = Rejections.counter(registry, "unauthorized");
        router.route(Rejections.APIS).order(RouteOrder.API_KEYS).handler(context -> check(context, unauthorized));
    }

    private void check(RoutingContext context, Counter unauthorized) {
        if (keys.holderOf(context).isPresent()) {
            context.next();
            return;
        }
        unauthorized.increment();
        boolean missing = ApiKeys.presented(context.request()) == null;
        context.response().putHeader("WWW-Authenticate",
                missing ? "Bearer realm=\"lantern\"" : "Bearer realm=\"lantern\", error=\"invalid_token\"");
        RouteErrors.answer(context, 401, missing ? MISSING : WRONG);
    }
}
