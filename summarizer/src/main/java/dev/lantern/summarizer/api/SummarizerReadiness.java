package dev.lantern.summarizer.api;

import dev.lantern.shared.serving.ModelSlot;
import dev.lantern.summarizer.SummarizerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the model loads and warms up. A model that failed to load does not hold back readiness: the app
 * still serves its other tasks, and this one answers 503 with the reason (shown here too).
 */
@Readiness
@ApplicationScoped
public class SummarizerReadiness implements HealthCheck {

    @Inject
    SummarizerService summarizer;

    @Override
    public HealthCheckResponse call() {
        ModelSlot.State state = summarizer.state();
        var response = HealthCheckResponse.named("summarizer").withData("model", state.name().toLowerCase());
        if (state == ModelSlot.State.FAILED) {
            response.withData("problem", summarizer.problem());
        }
        return response.status(state != ModelSlot.State.LOADING).build();
    }
}
