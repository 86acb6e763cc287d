package cl.ventanilla.queue.boundary;

import cl.ventanilla.queue.control.QueueClock;
import cl.ventanilla.queue.control.QueueSettings;
import cl.ventanilla.queue.control.QueueSettings.ServiceInfo;
import cl.ventanilla.queue.control.Queues;
import cl.ventanilla.queue.control.WaitEstimator;
import cl.ventanilla.queue.control.WaitEstimator.Observation;
import cl.ventanilla.queue.entity.PauseReason;
import cl.ventanilla.queue.entity.Station;
import cl.ventanilla.queue.entity.StationSession;
import cl.ventanilla.queue.entity.Ticket;
import cl.ventanilla.queue.entity.TicketState;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What an operator's desk console shows: the stations they may sit at, and for one station its ticket
 * in hand, its parked tickets, who waits for its services, where a ticket may be transferred and whether
 * it is paused. The actions themselves are {@link TicketDesk}'s and {@link StationSessions}'.
 */
@Stateless
public class DeskBoard {

    @PersistenceContext(unitName = "queue")
    EntityManager em;

    @Inject
    QueueClock clock;

    @Inject
    QueueSettings settings;

    @Inject
    Queues queues;

    @Inject
    WaitEstimator estimator;

    /** A station to choose, with its unit's name. */
    public record StationChoice(UUID id, UUID unitId, String unitName, String name, int number) {
    }

    /** How many wait for one of the station's services. */
    public record Waiting(UUID serviceId, String name, String prefix, int waiting) {
    }

    /** The console of one station now; {@code session} is empty while nobody sits there. */
    public record Desk(Station station, Optional<Ticket> current, List<Ticket> parked, List<Waiting> waiting,
            List<ServiceInfo> transferTargets, Optional<StationSession> session) {

        /** Whether the station is paused: it calls nobody until it resumes. */
        public boolean isPaused() {
            return session.map(StationSession::isPaused).orElse(false);
        }

        /** The pause's reason, while paused. */
        public PauseReason getPauseReason() {
            return session.map(StationSession::getPauseReason).orElse(null);
        }

        /** Since when the station is paused, while it is. */
        public Instant getPausedSince() {
            return session.map(StationSession::getPausedSince).orElse(null);
        }

        /** The service the ticket in hand is queued for, by name, for the console. */
        public String serviceName(UUID serviceId) {
            return waiting.stream().filter(w -> w.serviceId().equals(serviceId)).map(Waiting::name).findFirst()
                    .or(() -> transferTargets.stream().filter(s -> s.id().equals(serviceId)).map(ServiceInfo::name)
                            .findFirst())
                    .orElse("");
        }

        public Ticket getCurrentTicket() {
            return current.orElse(null);
        }
    }

    /** The active stations of the given units, or of every unit when {@code unitIds} is null; by unit and number. */
    public List<StationChoice> stations(Collection<UUID> unitIds) {
        if (unitIds != null && unitIds.isEmpty()) {
            return List.of();
        }
        Query query = em.createNativeQuery("""
                SELECT e.id, e.unidad_id, u.nombre, e.nombre, e.numero FROM estaciones e
                JOIN unidades u ON u.id = e.unidad_id
                WHERE e.activo""" + (unitIds == null ? "" : " AND e.unidad_id = ANY (CAST(:units AS uuid[]))")
                + " ORDER BY u.nombre, e.numero");
        if (unitIds != null) {
            query.setParameter("units", unitIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new StationChoice((UUID) r[0], (UUID) r[1],
                (String) r[2], (String) r[3], ((Number) r[4]).intValue())).toList();
    }

    /** @throws cl.ventanilla.queue.entity.QueueException NOT_FOUND for an unknown station */
    public Desk desk(@NotNull(message = "{ventanilla.queue.station.required}") UUID stationId) {
        Station station = settings.station(stationId);
        Instant now = clock.now();
        LocalDate day = QueueClock.dayOf(now);
        List<ServiceInfo> services = settings.servicesOf(station.unitId());
        List<ServiceInfo> attended = services.stream().filter(s -> station.services().contains(s.id())).toList();
        Map<UUID, Observation> queued = estimator.observe(attended.stream().map(ServiceInfo::id).toList(), now, day);
        List<Waiting> waiting = attended.stream()
                .map(s -> new Waiting(s.id(), s.name(), s.prefix(), queued.get(s.id()).waiting())).toList();
        List<Ticket> parked = em.createQuery("""
                SELECT t FROM Ticket t WHERE t.stationId = :station AND t.day = :day AND t.state = :parked
                ORDER BY t.calledAt""", Ticket.class)
                .setParameter("station", stationId).setParameter("day", day)
                .setParameter("parked", TicketState.PARKED).getResultList();
        return new Desk(station, queues.occupying(stationId, day), parked, waiting, services,
                queues.openSession(stationId));
    }
}
