package dev.lantern.web.suite;

import dev.lantern.shared.serving.ModelSlot;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** How a task's model state reads on the portal and in the readiness check: the same words for every task. */
public final class TaskStatus {

    private TaskStatus() {
    }

    /** "ready", "loading", or why the model is unavailable. */
    public static String describe(ModelSlot.State state, String problem) {
        return switch (state) {
            case READY -> "ready";
            case LOADING -> "loading";
            case FAILED -> problem;
        };
    }

    /**
     * Not ready while the model loads and warms up. A model that failed to load does not hold back readiness: the
     * app still serves its other tasks, and this one answers 503 with the reason (shown in the check's data too).
     */
    public static HealthCheckResponse readiness(String task, ModelSlot.State state, String problem) {
        var response = HealthCheckResponse.named(task).withData("model", state.name().toLowerCase());
        if (state == ModelSlot.State.FAILED) {
            response.withData("problem", problem);
        }
        return response.status(state != ModelSlot.State.LOADING).build();
    }
}
