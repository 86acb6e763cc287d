package cl.ventanilla.notifications.control;

import cl.ventanilla.notifications.control.OutboxStore.Levels;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The email outbox on {@code /metrics}: mails waiting to go out, how long the oldest has waited, and
 * mails that ran out of attempts. The outbox is the group's, so every instance reports the same values
 * (take the maximum across instances). Read at most every {@link #EVERY} by {@link OutboxWorker}'s
 * tick, never by a scrape.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class.getName());
    static final Duration EVERY = Duration.ofSeconds(15);

    @Inject
    MetricRegistry registry;

    @Inject
    OutboxStore store;

    private volatile Levels levels = new Levels(0, Optional.empty(), 0);
    private volatile long readAt = System.nanoTime() - EVERY.toNanos();

    @PostConstruct
    void publish() {
        registry.gauge(Metadata.builder().withName("ventanilla.outbox.pending")
                .withDescription("Correos por enviar (pendientes o enviándose)").build(), () -> levels.pending());
        registry.gauge(Metadata.builder().withName("ventanilla.outbox.oldest_pending_seconds")
                .withDescription("Antigüedad del correo más antiguo por enviar, en segundos").build(),
                () -> levels.oldestPending().map(t -> Math.max(0, Duration.between(t, Instant.now()).toSeconds()))
                        .orElse(0L));
        registry.gauge(Metadata.builder().withName("ventanilla.outbox.failed")
                .withDescription("Correos que agotaron sus intentos (FALLIDA)").build(), () -> levels.failed());
    }

    /** Reads the outbox again when the last reading is older than {@link #EVERY}. */
    void refreshIfDue() {
        long now = System.nanoTime();
        if (now - readAt < EVERY.toNanos()) {
            return;
        }
        readAt = now;
        try {
            levels = store.levels();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No se pudo contar la bandeja de correos para las métricas: {0}", e.toString());
        }
    }
}
