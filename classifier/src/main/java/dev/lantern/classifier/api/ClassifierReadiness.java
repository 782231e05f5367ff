package dev.lantern.classifier.api;

import dev.lantern.classifier.ImageClassifier;
import dev.lantern.shared.serving.ModelSlot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the model loads and warms up. A model that failed to load does not hold back readiness: the
 * app still serves its other tasks, and this one answers 503 with the reason (shown here too).
 */
@Readiness
@ApplicationScoped
public class ClassifierReadiness implements HealthCheck {

    @Inject
    ImageClassifier classifier;

    @Override
    public HealthCheckResponse call() {
        ModelSlot.State state = classifier.state();
        var response = HealthCheckResponse.named("classifier").withData("model", state.name().toLowerCase());
        if (state == ModelSlot.State.FAILED) {
            response.withData("problem", classifier.problem());
        }
        return response.status(state != ModelSlot.State.LOADING).build();
    }
}
