package dev.lantern.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The rate limit in {@code /q/health/ready}: whether every replica shares it through Redis or each counts its own
 * requests. Per replica it stays UP (fail-open, so a Redis outage does not take every replica out of the load
 * balancer); DOWN only while {@code when-redis-down=refuse} turns the APIs away.
 */
@Readiness
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
