package cl.ventanilla.kernel.cache;

import java.util.Objects;
import java.util.Optional;

/**
 * A CDI event: what an in-memory read model holds of {@code topic} (of the one {@code key}, or all of it
 * when the key is empty) changed in the database and must be read again. {@link #EVERYTHING} says this
 * instance may have missed messages (its Redis subscription was lost and is back): drop every topic.
 */
public record Invalidated(String topic, Optional<String> key) {

    /** The topic of the message that drops every read model. */
    public static final String EVERYTHING = "*";

    public Invalidated {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
    }

    /** Whether a read model of {@code topic} must drop what it holds (of this key, or all). */
    public boolean concerns(String readModelTopic) {
        return EVERYTHING.equals(topic) || readModelTopic.equals(topic);
    }
}
