package dev.lantern.captioner.api;

import dev.lantern.captioner.ImageCaptioner;
import dev.lantern.shared.serving.ModelSlot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the detector loads and warms up. A detector that failed to load does not hold back readiness:
 * the app still serves its other tasks, and this one answers 503 with the reason (shown here too).
 */
@Readiness
@ApplicationScoped
public class CaptionerReadiness implements HealthCheck {

    @Inject
    ImageCaptioner captioner;

    @Override
    public HealthCheckResponse call() {
        ModelSlot.State state = captioner.state();
        var response = HealthCheckResponse.named("captioner").withData("model", state.name().toLowerCase());
        if (state == ModelSlot.State.FAILED) {
            response.withData("problem", captioner.problem());
        }
        return response.status(state != ModelSlot.State.LOADING).build();
    }
}
