package cl.ventanilla.api.health;

import cl.ventanilla.kernel.redis.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports Redis, when configured, without taking the instance out of service: every use of Redis has a
 * fallback, so an outage makes Ventanilla slower, not unavailable. The data says whether it answers
 * ({@code available}) so operators and Prometheus see the degraded mode.
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

    @Inject
    Redis redis;

    @Override
    public HealthCheckResponse call() {
        if (!redis.isConfigured()) {
            return HealthCheckResponse.named("redis").up().withData("configured", false).build();
        }
        boolean available = redis.isAvailable();
        return HealthCheckResponse.named("redis").up()
                .withData("configured", true)
                .withData("address", redis.address().orElse(""))
                .withData("available", available)
                .withData("mode", available ? "normal" : "degraded (sin caché)")
                .build();
    }
}
