package cl.ventanilla.queue.control;

import cl.ventanilla.queue.control.QueueSettings.ServiceInfo;
import cl.ventanilla.queue.control.Queues.Waiting;
import cl.ventanilla.queue.entity.TicketCalled;
import cl.ventanilla.queue.entity.TicketFinished;
import cl.ventanilla.queue.entity.TicketIssued;
import cl.ventanilla.queue.entity.TicketNoShow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The queue's business metrics on {@code /metrics}, per unit and service (tags {@code unit} and
 * {@code service}, the names the municipality gives them, so the series are as many as its services):
 * tickets issued, called, finished and no-show, calls within the service's SLA, histograms of the wait
 * and of the service time, and gauges of who waits now, since when, and the SLA.
 *
 * <p>The counters follow the queue's events once committed, in memory: a ticket costs no extra query.
 * Each instance counts what it did; Prometheus sums the instances. The waiting tickets are the whole
 * group's and come from one query that {@link QueueMetricsRefresh} repeats every few seconds, so every
 * instance reports the same values (take the maximum across instances, never the sum).
 */
@ApplicationScoped
public class QueueMetrics {

    static final long[] WAIT_BUCKETS = {60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200};
    static final long[] SERVICE_BUCKETS = {60, 120, 300, 600, 900, 1200, 1800, 2700, 3600};

    @Inject
    MetricRegistry registry;

    @Inject
    QueueSettings settings;

    @Inject
    Queues queues;

    @Inject
    QueueClock clock;

    private final Map<UUID, ServiceMetrics> services = new ConcurrentHashMap<>();
    private volatile Map<UUID, Waiting> waiting = Map.of();

    /** One service's metrics, under the labels it had when registered. */
    private record ServiceMetrics(Tag[] tags, Counter issued, Counter called, Counter finished,
            Counter noShows, Counter withinSla, CumulativeHistogram waits, CumulativeHistogram serviceTimes,
            List<MetricID> ids) {
    }

    void issued(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketIssued event) {
        of(event.serviceId()).ifPresent(m -> m.issued().inc());
    }

    void called(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketCalled event) {
        of(event.serviceId()).ifPresent(m -> {
            Duration waited = Duration.between(event.waitingSince(), event.at());
            m.called().inc();
            m.waits().observe(waited.toSeconds());
            if (settings.findService(event.serviceId()).filter(s -> waited.compareTo(s.sla()) <= 0).isPresent()) {
                m.withinSla().inc();
            }
        });
    }

    void finished(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketFinished event) {
        of(event.serviceId()).ifPresent(m -> {
            m.finished().inc();
            if (event.startedAt() != null) {
                m.serviceTimes().observe(Duration.between(event.startedAt(), event.at()).toSeconds());
            }
        });
    }

    void noShow(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketNoShow event) {
        of(event.serviceId()).ifPresent(m -> m.noShows().inc());
    }

    /**
     * Registers the metrics of every active service (at zero, so that the first ticket after a start is
     * seen as an increase), again under new labels when a unit or service was renamed, and reads who
     * waits now.
     */
    public void refresh() {
        for (ServiceInfo service : settings.activeServices()) {
            metricsOf(service);
        }
        waiting = Map.copyOf(queues.waitingNow(QueueClock.dayOf(clock.now())));
    }

    private Optional<ServiceMetrics> of(UUID serviceId) {
        ServiceMetrics known = services.get(serviceId);
        if (known != null) {
            return Optional.of(known);
        }
        return settings.findService(serviceId).map(this::metricsOf);
    }

    private ServiceMetrics metricsOf(ServiceInfo service) {
        Tag[] tags = {new Tag("unit", settings.unitName(service.unitId()).orElse(service.unitId().toString())),
            new Tag("service", service.name())};
        return services.compute(service.id(), (id, known) -> {
            if (known != null && Arrays.equals(known.tags(), tags)) {
                return known;
            }
            if (known != null) {
                known.ids().forEach(registry::remove);
            }
            return register(service, tags);
        });
    }

    private ServiceMetrics register(ServiceInfo service, Tag[] tags) {
        List<MetricID> ids = new ArrayList<>();
        UUID id = service.id();
        Counter issued = counter(ids, "ventanilla.tickets.issued", "Turnos emitidos", tags);
        Counter called = counter(ids, "ventanilla.tickets.called", "Turnos llamados a un módulo", tags);
        Counter finished = counter(ids, "ventanilla.tickets.finished", "Atenciones terminadas", tags);
        Counter noShows = counter(ids, "ventanilla.tickets.no_show", "Turnos llamados que no se presentaron", tags);
        Counter withinSla = counter(ids, "ventanilla.tickets.called_within_sla",
                "Turnos llamados dentro del SLA de espera del servicio", tags);
        CumulativeHistogram waits = new CumulativeHistogram(WAIT_BUCKETS);
        ids.addAll(waits.register(registry, "ventanilla.queue.wait_seconds",
                "Espera desde la entrada a la cola hasta el llamado, en segundos", tags));
        CumulativeHistogram serviceTimes = new CumulativeHistogram(SERVICE_BUCKETS);
        ids.addAll(serviceTimes.register(registry, "ventanilla.queue.service_seconds",
                "Duración de la atención, del inicio al fin, en segundos", tags));
        gauge(ids, "ventanilla.queue.waiting", "Turnos esperando ahora (todo el grupo)",
                () -> Optional.ofNullable(waiting.get(id)).map(Waiting::tickets).orElse(0), tags);
        gauge(ids, "ventanilla.queue.oldest_wait_seconds", "Espera del primer turno que aún espera, en segundos",
                () -> Optional.ofNullable(waiting.get(id))
                        .map(w -> Math.max(0, Duration.between(w.since(), clock.now()).toSeconds())).orElse(0L), tags);
        // the configuration as it is now (held in memory by the config domain), not as it was at registration
        gauge(ids, "ventanilla.queue.sla_seconds", "Espera máxima comprometida del servicio (sla_minutos), en segundos",
                () -> settings.findService(id).map(s -> s.sla().toSeconds()).orElse(0L), tags);
        return new ServiceMetrics(tags, issued, called, finished, noShows, withinSla, waits,
                serviceTimes, List.copyOf(ids));
    }

    private Counter counter(List<MetricID> ids, String name, String description, Tag[] tags) {
        ids.add(new MetricID(name, tags));
        return registry.counter(Metadata.builder().withName(name).withDescription(description).build(), tags);
    }

    private <T extends Number> void gauge(List<MetricID> ids, String name, String description, Supplier<T> value,
            Tag[] tags) {
        ids.add(new MetricID(name, tags));
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value, tags);
    }
}
