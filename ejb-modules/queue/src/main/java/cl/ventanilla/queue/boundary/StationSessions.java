package cl.ventanilla.queue.boundary;

import cl.ventanilla.queue.control.QueueClock;
import cl.ventanilla.queue.control.QueueSettings;
import cl.ventanilla.queue.control.Queues;
import cl.ventanilla.queue.control.StaffScope;
import cl.ventanilla.queue.entity.PauseReason;
import cl.ventanilla.queue.entity.QueueException;
import cl.ventanilla.queue.entity.Station;
import cl.ventanilla.queue.entity.StationClosed;
import cl.ventanilla.queue.entity.StationOpened;
import cl.ventanilla.queue.entity.StationPaused;
import cl.ventanilla.queue.entity.StationResumed;
import cl.ventanilla.queue.entity.StationSession;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who sits at a station and whether they are there: the desk opens a session when the operator picks
 * the station, pauses it with a reason (lunch, an internal errand, a short break, other) and resumes
 * it, and closes it when they leave. A paused station calls nobody ({@link TicketDesk#callNext} refuses
 * with CONFLICT) and the lobby shows it as paused; each pause is kept in {@code pausas_estacion}.
 *
 * <p>Every change takes the station's lock, so a pause and a call of the same station never cross. An
 * operator sits at one station at a time: opening a session elsewhere closes their previous one, and
 * sitting at a station whose previous operator left without closing takes it over.
 */
@Stateless
public class StationSessions {

    @PersistenceContext(unitName = "queue")
    EntityManager em;

    @Inject
    QueueClock clock;

    @Inject
    QueueSettings settings;

    @Inject
    Queues queues;

    @Inject
    StaffScope staff;

    @Inject
    Event<StationPaused> paused;

    @Inject
    Event<StationResumed> resumed;

    @Inject
    Event<StationOpened> opened;

    @Inject
    Event<StationClosed> closed;

    /**
     * The operator sits at the station: their open session there, or a new one.
     *
     * @throws QueueException NOT_FOUND for an unknown station, CONFLICT for a deactivated one
     */
    public StationSession open(@NotNull(message = "{ventanilla.queue.station.required}") UUID stationId,
            @NotNull(message = "{ventanilla.queue.operator.required}") UUID operatorId) {
        Station station = activeStation(stationId);
        queues.lockStation(stationId);
        return sitDown(station, operatorId);
    }

    /**
     * Pauses the station with a reason; opens the operator's session first when nobody sits there.
     *
     * @throws QueueException CONFLICT when already paused or while a ticket is called to or served at
     *                        the station; INVALID for a missing or malformed reason
     */
    public StationSession pause(@NotNull(message = "{ventanilla.queue.station.required}") UUID stationId,
            @NotNull(message = "{ventanilla.queue.operator.required}") UUID operatorId,
            @NotNull(message = "{ventanilla.queue.pause.required}") PauseReason reason) {
        Station station = activeStation(stationId);
        queues.lockStation(stationId);
        queues.occupying(stationId, QueueClock.dayOf(clock.now())).ifPresent(current -> {
            throw QueueException.conflict("station.pauseBusy", station.name(), current.getNumber());
        });
        StationSession session = queues.openSession(stationId).orElseGet(() -> sitDown(station, operatorId));
        Instant now = clock.now();
        em.persist(session.pause(reason, station.name(), now));
        paused.fire(StationPaused.of(station, reason, now));
        return session;
    }

    /**
     * The station calls again.
     *
     * @throws QueueException CONFLICT when it is not paused
     */
    public StationSession resume(@NotNull(message = "{ventanilla.queue.station.required}") UUID stationId) {
        Station station = settings.station(stationId);
        staff.ensureWorksAt(station.unitId());
        queues.lockStation(stationId);
        StationSession session = queues.openSession(stationId)
                .orElseThrow(() -> QueueException.conflict("station.notPaused", station.name()));
        session.resume(station.name());
        Instant now = clock.now();
        queues.openPause(session.getId()).ifPresent(p -> p.end(now));
        resumed.fire(StationResumed.of(station, now));
        return session;
    }

    /** The operator leaves the station; a pause in course ends. Nothing happens when nobody sits there. */
    public void close(@NotNull(message = "{ventanilla.queue.station.required}") UUID stationId) {
        Station station = settings.station(stationId);
        staff.ensureWorksAt(station.unitId());
        queues.lockStation(stationId);
        queues.openSession(stationId).ifPresent(session -> {
            boolean wasPaused = session.isPaused();
            end(session, clock.now());
            if (wasPaused) {
                resumed.fire(StationResumed.of(station, clock.now()));
            }
            closed.fire(StationClosed.of(station, clock.now()));
        });
    }

    /** The station's open session, if an operator sits there. */
    public Optional<StationSession> current(@NotNull(message = "{ventanilla.queue.station.required}") UUID stationId) {
        return queues.openSession(stationId);
    }

    private Station activeStation(UUID stationId) {
        Station station = settings.station(stationId);
        staff.ensureWorksAt(station.unitId());
        if (!station.active()) {
            throw QueueException.conflict("station.inactive", station.name());
        }
        return station;
    }

    private StationSession sitDown(Station station, UUID operatorId) {
        Optional<StationSession> here = queues.openSession(station.id());
        if (here.isPresent() && here.get().getOperatorId().equals(operatorId)) {
            return here.get();
        }
        Instant now = clock.now();
        // a station or an operator with a forgotten session: the newer sitting wins
        here.ifPresent(other -> end(other, now));
        queues.openSessionOf(operatorId).ifPresent(elsewhere -> {
            boolean wasPaused = elsewhere.isPaused();
            end(elsewhere, now);
            Station left = settings.station(elsewhere.getStationId());
            if (wasPaused) {
                // that station's screens stop listing it as paused: nobody sits there any more
                resumed.fire(StationResumed.of(left, now));
            }
            closed.fire(StationClosed.of(left, now));
        });
        // the partial unique indexes see the closings before the new row
        em.flush();
        StationSession session = StationSession.open(station.id(), operatorId, now);
        em.persist(session);
        if (here.isEmpty()) {
            opened.fire(StationOpened.of(station, now));
        }
        return session;
    }

    private void end(StationSession session, Instant now) {
        queues.openPause(session.getId()).ifPresent(p -> p.end(now));
        session.close(now);
    }
}
