package dev.lantern.web.http;

import dev.lantern.web.suite.SuiteTask;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * A page's path without its final slash ({@code /classifier}) redirects to the page ({@code /classifier/}), as web
 * servers do for folders; without it the address a person types answers a JSON 404.
 */
@ApplicationScoped
public class PageSlash {

    /** After the headers every answer carries, the shutdown refusal and the APIs' gates (which pages never meet). */
    static final int ROUTE_ORDER = Integer.MIN_VALUE + 107;

    @Inject
    Instance<SuiteTask> tasks;

    void register(@Observes Router router) {
        for (SuiteTask task : tasks) {
            String page = task.pagePath();
            router.route(page.substring(0, page.length() - 1)).order(ROUTE_ORDER)
                    .handler(context -> redirect(context, page));
        }
    }

    private static void redirect(RoutingContext context, String page) {
        if (context.request().path().endsWith("/")) { // Vert.x matches a path with or without the final slash
            context.next();
            return;
        }
        String query = context.request().query();
        context.response().setStatusCode(301)
                .putHeader("Location", query == null ? page : page + "?" + query)
                .end();
    }
}
