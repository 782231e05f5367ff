package dev.lantern.web.suite;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The app's root. A task app running alone sends the browser to its page; the suite ({@code lantern.web.portal=true})
 * shows the portal, built from the tasks that are present.
 */
@Path("/")
public class PortalResource {

    @Inject
    Instance<SuiteTask> tasks;

    @Inject
    WebConfig config;

    /** The portal changes with the tasks' states: its ETag lets a browser revalidate it cheaply (a 304). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response root(@Context Request request) {
        List<SuiteTask> present = tasks();
        if (!config.portal() && present.size() == 1) {
            return Response.seeOther(URI.create(present.get(0).pagePath())).build();
        }
        String html = PortalPage.render(present);
        EntityTag tag = new EntityTag(sha256(html).substring(0, 16));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        return (unchanged != null ? unchanged : Response.ok(html)).tag(tag).build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @GET
    @Path("api/tasks")
    @Produces(MediaType.APPLICATION_JSON)
    public List<TaskView> list() {
        return tasks().stream().map(TaskView::of).toList();
    }

    private List<SuiteTask> tasks() {
        return tasks.stream().sorted(Comparator.comparing(SuiteTask::id)).toList();
    }

    /** A task as the API lists it. */
    public record TaskView(String id, String title, String summary, String page, String status) {
        static TaskView of(SuiteTask t) {
            return new TaskView(t.id(), t.title(), t.summary(), t.pagePath(), t.status());
        }
    }
}
