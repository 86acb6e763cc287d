package cl.ventanilla.appointments.control;

import cl.ventanilla.appointments.entity.AppointmentException;
import cl.ventanilla.kernel.redis.Redis;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Limits booking attempts (bookings and moves, successful or not) per client IP and clock hour to
 * {@code agendamiento.intentos_por_ip_por_hora}. Counted in Redis (INCR + EXPIRE, shared by every
 * instance); when Redis does not answer, in the database.
 */
@Dependent
public class AttemptLimiter {

    @Inject
    Redis redis;

    @Inject
    AvailabilityCache keys;

    @Inject
    AbuseLedger ledger;

    @Inject
    AppointmentSettings settings;

    /** Counts the attempt, refusing it when the IP is over its hourly allowance. */
    public void count(String ip, Instant now) {
        long hourStart = now.getEpochSecond() / 3600 * 3600;
        String key = keys.namespaced("intentos:" + ip + ":" + hourStart);
        Optional<Long> counted = redis.call(jedis -> {
            long attempts = jedis.incr(key);
            if (attempts == 1) {
                jedis.expire(key, 3700);
            }
            return attempts;
        });
        long attempts = counted.orElseGet(() -> (long) ledger.countAttempt(ip, Instant.ofEpochSecond(hourStart)));
        int allowed = settings.attemptsPerIpPerHour();
        if (attempts > allowed) {
            long minutes = Math.max(1, (hourStart + 3600 - now.getEpochSecond() + 59) / 60);
            throw AppointmentException.tooManyRequests("attempts.tooMany", minutes);
        }
    }
}
