package dev.lantern.web.security;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The rate limit in {@code /q/health} (and {@code /q/health/well}): whether every replica shares it through Redis or
 * each counts its own requests. A wellness check, not a readiness one: a Redis outage is the same for every replica,
 * so taking them out of the load balancer would help nobody. DOWN only while {@code when-redis-down=refuse} turns the
 * APIs away.
 */
@Wellness
@ApplicationScoped
public class RateLimitCheck implements HealthCheck {

    @Inject
    RateLimits limits;

    @Override
    public HealthCheckResponse call() {
        RateLimitState state = limits.state();
        return HealthCheckResponse.named("rate limit").status(state.up()).withData("rule", state.rule())
                .withData("counted", state.counted()).build();
    }
}
