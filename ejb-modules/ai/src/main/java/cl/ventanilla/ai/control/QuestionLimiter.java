package cl.ventanilla.ai.control;

import cl.ventanilla.ai.entity.AssistantException;
import cl.ventanilla.kernel.redis.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Questions per client address and clock hour, at most {@code VENTANILLA_AI_QUESTIONS_PER_HOUR} (30):
 * each question may cost the municipality a paid model call. Counted in Redis (INCR + EXPIRE, shared by
 * the instances) like the booking attempts; when Redis does not answer, in this instance's memory (a
 * citizen may then get a little more per instance, never an error). The address is the one the trusted
 * gateway saw ({@code ForwardedHeaders}).
 */
@ApplicationScoped
public class QuestionLimiter {

    @Inject
    Redis redis;

    @Inject
    @ConfigProperty(name = "ventanilla.ai.questions-per-hour", defaultValue = "30")
    int allowed;

    private final Map<String, AtomicLong> memory = new ConcurrentHashMap<>();

    /** Counts the question, refusing it when the address is over its hourly allowance. */
    public void count(String address, Instant now) {
        long hourStart = now.getEpochSecond() / 3600 * 3600;
        String key = "ventanilla:ai:preguntas:" + address + ":" + hourStart;
        Optional<Long> counted = redis.call(jedis -> {
            long questions = jedis.incr(key);
            if (questions == 1) {
                jedis.expire(key, 3700);
            }
            return questions;
        });
        long questions = counted.orElseGet(() -> {
            memory.keySet().removeIf(k -> !k.endsWith(":" + hourStart));
            return memory.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        });
        if (questions > allowed) {
            long minutes = Math.max(1, (hourStart + 3600 - now.getEpochSecond() + 59) / 60);
            throw AssistantException.tooManyQuestions(minutes);
        }
    }
}
