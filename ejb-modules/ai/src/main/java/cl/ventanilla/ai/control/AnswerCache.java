package cl.ventanilla.ai.control;

import cl.ventanilla.ai.entity.CatalogEntry;
import cl.ventanilla.ai.entity.Tokens;
import cl.ventanilla.kernel.redis.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model's answers, kept {@value #TTL_MINUTES} minutes per normalized question ("¿Qué necesito para
 * RENOVAR la licencia?" and "que necesito para renovar la licencia" are one), language, model and the
 * catalog entries it was given: a service whose name or requirements change gets fresh answers at once.
 * In Redis, shared by the instances; in this instance's memory when Redis is absent or does not answer.
 * The key is a hash: nothing a citizen typed is stored in clear.
 */
@ApplicationScoped
public class AnswerCache {

    static final long TTL_MINUTES = 10;
    private static final Duration TTL = Duration.ofMinutes(TTL_MINUTES);
    private static final int MEMORY_ENTRIES = 1000;
    private static final String PREFIX = "ventanilla:ai:respuesta:";

    @Inject
    Redis redis;

    private final Map<String, Remembered> memory = new ConcurrentHashMap<>();

    private record Remembered(String answer, long expiresAt) {
    }

    public Optional<String> find(String key) {
        Optional<String> shared = redis.call(jedis -> jedis.get(key));
        if (shared.isPresent()) {
            return shared;
        }
        Remembered remembered = memory.get(key);
        if (remembered == null || remembered.expiresAt() < System.nanoTime()) {
            return Optional.empty();
        }
        return Optional.of(remembered.answer());
    }

    public void keep(String key, String answer) {
        redis.call(jedis -> jedis.setex(key, TTL.toSeconds(), answer));
        long now = System.nanoTime();
        if (memory.size() >= MEMORY_ENTRIES) {
            memory.values().removeIf(r -> r.expiresAt() < now);
            if (memory.size() >= MEMORY_ENTRIES) {
                memory.clear();
            }
        }
        memory.put(key, new Remembered(answer, now + TTL.toNanos()));
    }

    /** The key of an answer: the question as words, the language, the model and the services it was given. */
    public static String key(String question, Locale language, String model, List<CatalogEntry> services) {
        StringBuilder text = new StringBuilder(model).append('\n').append(language.getLanguage()).append('\n')
                .append(String.join(" ", Tokens.fold(question).split("[^\\p{L}\\p{N}]+")).strip());
        for (CatalogEntry service : services) {
            text.append('\n').append(service);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
