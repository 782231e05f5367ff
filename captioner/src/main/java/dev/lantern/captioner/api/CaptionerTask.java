package dev.lantern.captioner.api;

import dev.lantern.captioner.ImageCaptioner;
import dev.lantern.web.suite.SuiteTask;
import dev.lantern.web.suite.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The captioner as the portal lists it. */
@ApplicationScoped
public class CaptionerTask implements SuiteTask {

    @Inject
    ImageCaptioner captioner;

    @Override
    public String id() {
        return "captioner";
    }

    @Override
    public String title() {
        return "Image captioner";
    }

    @Override
    public String summary() {
        return "Drop in a photo and get a sentence about it, with the objects found boxed.";
    }

    @Override
    public String status() {
        return TaskStatus.describe(captioner.state(), captioner.problem());
    }
}
