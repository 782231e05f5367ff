package dev.lantern.summarizer.api;

import dev.lantern.summarizer.SummarizerService;
import dev.lantern.web.suite.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of this task's model: the same rules for every task ({@link TaskStatus#readiness}). */
@Readiness
@ApplicationScoped
public class SummarizerReadiness implements HealthCheck {

    @Inject
    SummarizerService summarizer;

    @Override
    public HealthCheckResponse call() {
        return TaskStatus.readiness("summarizer", summarizer.state(), summarizer.problem());
    }
}
