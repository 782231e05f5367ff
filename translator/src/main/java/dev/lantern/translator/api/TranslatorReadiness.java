package dev.lantern.translator.api;

import dev.lantern.shared.serving.ModelSlot;
import dev.lantern.translator.PairStatus;
import dev.lantern.translator.TranslationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a pair's model loads. A missing model does not hold back readiness: the app serves its other
 * pairs and tasks, and the pair answers 503 with how to get its model (its state is shown here too).
 */
@Readiness
@ApplicationScoped
public class TranslatorReadiness implements HealthCheck {

    @Inject
    TranslationService translator;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("translator");
        for (PairStatus pair : translator.pairs()) {
            response.withData(pair.source() + "-" + pair.target(), pair.state());
        }
        return response.status(translator.state() != ModelSlot.State.LOADING).build();
    }
}
