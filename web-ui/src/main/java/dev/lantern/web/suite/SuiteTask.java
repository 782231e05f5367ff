package dev.lantern.web.suite;

/**
 * A task that an app serves, as the portal shows it. Each task module contributes one bean; a module that is still
 * a skeleton contributes none and so is absent from the portal.
 */
public interface SuiteTask {

    /** Short id, also the page's path segment: "classifier". */
    String id();

    /** Title on the portal: "Image classifier". */
    String title();

    /** One sentence on what the task does. */
    String summary();

    /** "ready", "loading" or the reason it is unavailable. */
    String status();

    default String pagePath() {
        return "/" + id() + "/";
    }
}
