package dev.lantern.web.suite;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
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

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response root() {
        List<SuiteTask> present = tasks();
        if (!config.portal() && present.size() == 1) {
            return Response.seeOther(URI.create(present.get(0).pagePath())).build();
        }
        return Response.ok(PortalPage.render(present)).build();
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
