package dev.lantern.captioner.api;

import dev.lantern.captioner.ImageCaptioner;
import dev.lantern.web.suite.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of this task's model: the same rules for every task ({@link TaskStatus#readiness}). */
@Readiness
@ApplicationScoped
public class CaptionerReadiness implements HealthCheck {

    @Inject
    ImageCaptioner captioner;

    @Override
    public HealthCheckResponse call() {
        return TaskStatus.readiness("captioner", captioner.state(), captioner.problem());
    }
}
