package cl.ventanilla.queue.control;

import cl.ventanilla.config.boundary.ConfigurationReadModel;
import cl.ventanilla.kernel.cache.Invalidated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The latest lobby snapshot of each unit, kept in memory: every lobby screen and every citizen's virtual
 * ticket of a unit reads the same one, so a busy morning's thousand phones cost one reading of the queue
 * per change instead of one per phone.
 *
 * <p>A unit's snapshot is dropped when its queue changes: here at once when the change commits
 * ({@link LiveBridge#send}, before the response leaves), on the other instances when the bridge's message
 * arrives, before their screens hear of it (and read the snapshot again). A configuration change drops
 * every unit's. A snapshot read while a change committed is not kept, so a stale reading never outlives
 * the change. Whatever was missed (a lost Redis subscription, a row changed by hand) lives at most
 * {@link #LIFETIME}; the promised waits are whole minutes.
 */
@ApplicationScoped
public class LobbySnapshots {

    /** The longest a snapshot is kept without a change dropping it. */
    public static final Duration LIFETIME = Duration.ofSeconds(1);

    private record Held<T>(T snapshot, long version, long readAt) {
    }

    // per unit: how many changes it has seen; a reading is served only while none arrived since it started
    private final Map<UUID, AtomicLong> versions = new ConcurrentHashMap<>();
    private final Map<UUID, Held<?>> held = new ConcurrentHashMap<>();

    /** The unit's snapshot: the one held if it is younger than {@link #LIFETIME}, else {@code read}'s. */
    @SuppressWarnings("unchecked")
    public <T> T of(UUID unitId, Supplier<T> read) {
        AtomicLong version = versions.computeIfAbsent(unitId, unit -> new AtomicLong());
        long now = System.nanoTime();
        Held<?> current = held.get(unitId);
        if (current != null && current.version() == version.get() && now - current.readAt() < LIFETIME.toNanos()) {
            return (T) current.snapshot();
        }
        long before = version.get();
        T fresh = read.get();
        if (version.get() == before) {
            // kept under the version it started from: if a change arrives meanwhile, it is never served
            held.put(unitId, new Held<>(fresh, before, now));
        }
        return fresh;
    }

    /** The unit's queue changed (committed here, or announced by another instance): its snapshot is dropped. */
    public void changed(UUID unitId) {
        if (unitId == null) {
            return;
        }
        versions.computeIfAbsent(unitId, unit -> new AtomicLong()).incrementAndGet();
        held.remove(unitId);
    }

    /** Services, stations or units changed: every snapshot names them. */
    void configurationChanged(@Observes Invalidated invalidated) {
        if (invalidated.concerns(ConfigurationReadModel.TOPIC)) {
            versions.keySet().forEach(this::changed);
        }
    }
}
