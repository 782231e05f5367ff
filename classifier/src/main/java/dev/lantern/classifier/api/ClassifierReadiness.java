package dev.lantern.classifier.api;

import dev.lantern.classifier.ImageClassifier;
import dev.lantern.web.suite.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of this task's model: the same rules for every task ({@link TaskStatus#readiness}). */
@Readiness
@ApplicationScoped
public class ClassifierReadiness implements HealthCheck {

    @Inject
    ImageClassifier classifier;

    @Override
    public HealthCheckResponse call() {
        return TaskStatus.readiness("classifier", classifier.state(), classifier.problem());
    }
}
