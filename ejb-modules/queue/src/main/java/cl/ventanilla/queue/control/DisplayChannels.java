package cl.ventanilla.queue.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The lobby screens connected to this instance, per unit. The web socket endpoint of the lobby WAR
 * registers its sessions here and {@link LiveEvents} delivers to them; a plain CDI bean, so the WAR
 * and the queue module share it without either knowing the other.
 */
@ApplicationScoped
public class DisplayChannels {

    private static final Logger LOG = Logger.getLogger(DisplayChannels.class.getName());

    /** Where a message for a screen goes: a web socket session, or a test's list. */
    @FunctionalInterface
    public interface Sink {

        /** Sends the text; throws when the screen is gone, which unregisters it. */
        void send(String json);
    }

    private final Map<UUID, Set<Sink>> sinks = new ConcurrentHashMap<>();

    @Inject
    MetricRegistry metrics;

    /** Operators (and the failover tests) see where the screens are: they follow the gateway's choice. */
    @PostConstruct
    void publishCount() {
        metrics.gauge(Metadata.builder().withName("ventanilla.display.screens")
                .withDescription("Pantallas de sala y turnos virtuales conectados a esta instancia").build(),
                this, DisplayChannels::connected);
    }

    public void register(UUID unitId, Sink sink) {
        sinks.computeIfAbsent(unitId, unit -> ConcurrentHashMap.newKeySet()).add(sink);
    }

    public void unregister(UUID unitId, Sink sink) {
        sinks.computeIfPresent(unitId, (unit, registered) -> {
            registered.remove(sink);
            return registered.isEmpty() ? null : registered;
        });
    }

    /** Sends the message to every screen of the unit on this instance; a broken screen is dropped. */
    public void deliver(UUID unitId, String json) {
        for (Sink sink : sinks.getOrDefault(unitId, Set.of())) {
            try {
                sink.send(json);
            } catch (RuntimeException gone) {
                LOG.log(Level.FINE, "Pantalla desconectada: {0}", gone.getMessage());
                unregister(unitId, sink);
            }
        }
    }

    /** How many screens of every unit listen on this instance. */
    public int connected() {
        return sinks.values().stream().mapToInt(Set::size).sum();
    }

    /** How many screens of the unit listen on this instance. */
    public int listening(UUID unitId) {
        return sinks.getOrDefault(unitId, Set.of()).size();
    }
}
