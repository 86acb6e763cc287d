package cl.ventanilla.queue.boundary;

import cl.ventanilla.queue.control.QueueClock;
import cl.ventanilla.queue.control.QueueSettings;
import cl.ventanilla.queue.control.QueueSettings.ServiceInfo;
import cl.ventanilla.queue.control.Queues;
import cl.ventanilla.queue.control.TicketNumbering;
import cl.ventanilla.queue.control.WaitEstimator;
import cl.ventanilla.queue.control.WaitEstimator.WaitRange;
import cl.ventanilla.queue.entity.CallOrder;
import cl.ventanilla.queue.entity.QueueException;
import cl.ventanilla.queue.entity.Station;
import cl.ventanilla.queue.entity.StationSession;
import cl.ventanilla.queue.entity.Ticket;
import cl.ventanilla.queue.entity.TicketCalled;
import cl.ventanilla.queue.entity.TicketFinished;
import cl.ventanilla.queue.entity.TicketIssued;
import cl.ventanilla.queue.entity.TicketLogEntry;
import cl.ventanilla.queue.entity.TicketLogEntry.Type;
import cl.ventanilla.queue.entity.TicketNoShow;
import cl.ventanilla.queue.entity.TicketNumber;
import cl.ventanilla.queue.entity.TicketRecalled;
import cl.ventanilla.queue.entity.TicketStarted;
import cl.ventanilla.queue.entity.TicketState;
import cl.ventanilla.queue.entity.TicketTransferred;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/**
 * The queue's counter and desks: the kiosk issues walk-in tickets; a station calls the next ticket by
 * the unit's routing rules and recalls, starts, finishes, marks as no-show, transfers, parks and resumes
 * it. Every change is written to the ticket's history and announced as a CDI event after it is made.
 * Broken rules are {@link QueueException}s: unknown ids are NOT_FOUND, a ticket or station in the wrong
 * state is CONFLICT, bad input INVALID.
 */
@Stateless
public class TicketDesk {

    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("HH:mm");

    @PersistenceContext(unitName = "queue")
    EntityManager em;

    @Inject
    QueueClock clock;

    @Inject
    QueueSettings settings;

    @Inject
    Queues queues;

    @Inject
    TicketNumbering numbering;

    @Inject
    WaitEstimator estimator;

    @Inject
    Event<TicketIssued> issued;

    @Inject
    Event<TicketCalled> called;

    @Inject
    Event<TicketRecalled> recalled;

    @Inject
    Event<TicketStarted> started;

    @Inject
    Event<TicketFinished> finished;

    @Inject
    Event<TicketNoShow> noShows;

    @Inject
    Event<TicketTransferred> transferred;

    /** A new ticket with what the kiosk prints: the people ahead and the estimated wait. */
    public record IssuedTicket(Ticket ticket, String serviceName, int peopleAhead, int waitMinutesP50,
            int waitMinutesP90) {
    }

    /**
     * Issues a walk-in ticket for a service, numbered per service and day (America/Santiago).
     *
     * @param preferentialCategory the code of a preferential category the unit enables
     *                             ({@code PERSONA_MAYOR}…), or {@code null}
     * @throws QueueException unknown service (NOT_FOUND), inactive service (CONFLICT), unknown category
     */
    public IssuedTicket issueWalkIn(@NotNull(message = "{ventanilla.queue.service.required}") UUID serviceId,
            @Size(max = 40, message = "{ventanilla.queue.category.size}") String preferentialCategory) {
        ServiceInfo service = settings.service(serviceId);
        if (!service.active()) {
            throw QueueException.conflict("service.inactive", service.name());
        }
        UUID category = preferentialCategory == null || preferentialCategory.isBlank() ? null
                : settings.preferentialCategory(service.unitId(), preferentialCategory.strip());
        Instant now = clock.now();
        LocalDate day = QueueClock.dayOf(now);
        int peopleAhead = queues.waiting(serviceId, day);
        WaitRange wait = estimator.estimate(serviceId, peopleAhead, settings.stationsAttending(serviceId),
                Duration.ofMinutes(service.averageMinutes()), now, day);
        TicketNumber number = new TicketNumber(service.prefix(), numbering.next(serviceId, day));
        Ticket ticket = Ticket.issue(service.unitId(), serviceId, day, number, category, now);
        ticket.promised(peopleAhead, wait.p50Minutes(), wait.p90Minutes());
        em.persist(ticket);
        em.persist(TicketLogEntry.of(ticket, Type.EMITIDO, now));
        issued.fire(TicketIssued.of(ticket, peopleAhead, now));
        return new IssuedTicket(ticket, service.name(), peopleAhead, wait.p50Minutes(), wait.p90Minutes());
    }

    /**
     * Calls the next ticket to the station over its active services: tickets waiting longer than the
     * unit's maximum wait first (oldest first), then preferential and normal tickets interleaved by the
     * unit's ratio, first come first served within a class (see {@link CallOrder}). Two stations never get
     * the same ticket; a station with a ticket still called or in service must close it first, and a
     * paused station (see {@link StationSessions}) must resume first.
     *
     * @return the called ticket, or empty when nobody waits for the station's services
     */
    public Optional<Ticket> callNext(@NotNull(message = "{ventanilla.queue.station.required}") UUID stationId) {
        Station station = settings.station(stationId);
        if (!station.active()) {
            throw QueueException.conflict("station.inactive", station.name());
        }
        if (station.services().isEmpty()) {
            throw QueueException.conflict("station.noServices", station.name());
        }
        queues.lockStation(stationId);
        queues.openSession(stationId).filter(StationSession::isPaused).ifPresent(session -> {
            throw QueueException.conflict("station.paused", station.name(),
                    SHOWN_TIME.format(session.getPausedSince().atZone(QueueClock.ZONE)));
        });
        LocalDate day = QueueClock.dayOf(clock.now());
        queues.occupying(stationId, day).ifPresent(current -> {
            throw QueueException.conflict("station.busy", station.name(), current.getNumber());
        });
        // read after the check, so the call is timed after the finish of the station's previous ticket
        Instant now = clock.now();
        CallOrder order = new CallOrder(settings.rules(station.unitId()));
        Optional<Ticket> next = queues.takeNext(station.services(), day, order,
                queues.recentCalls(stationId, day, order.historyNeeded()), now);
        next.ifPresent(ticket -> {
            ticket.callTo(stationId, now);
            em.persist(TicketLogEntry.of(ticket, Type.LLAMADO, now));
            called.fire(TicketCalled.of(ticket, station, now));
        });
        return next;
    }

    /** Calls the same ticket again; the unit limits how many times. */
    public Ticket recall(@NotNull(message = "{ventanilla.queue.ticket.required}") UUID ticketId) {
        Ticket ticket = queues.ticket(ticketId);
        ticket.recall(settings.rules(ticket.getUnitId()).recallLimit());
        Instant now = clock.now();
        em.persist(TicketLogEntry.of(ticket, Type.RELLAMADO, now));
        recalled.fire(TicketRecalled.of(ticket, settings.station(ticket.getStationId()), now));
        return ticket;
    }

    /** The called citizen did not come. */
    public Ticket noShow(@NotNull(message = "{ventanilla.queue.ticket.required}") UUID ticketId) {
        Ticket ticket = queues.ticket(ticketId);
        Instant now = clock.now();
        ticket.markNoShow(now);
        em.persist(TicketLogEntry.of(ticket, Type.NO_SE_PRESENTO, now));
        noShows.fire(TicketNoShow.of(ticket, settings.station(ticket.getStationId()), now));
        return ticket;
    }

    /** The citizen sat down at the station. */
    public Ticket start(@NotNull(message = "{ventanilla.queue.ticket.required}") UUID ticketId) {
        Ticket ticket = queues.ticket(ticketId);
        Instant now = clock.now();
        ticket.start(now);
        em.persist(TicketLogEntry.of(ticket, Type.INICIADO, now));
        started.fire(TicketStarted.of(ticket, settings.station(ticket.getStationId()), now));
        return ticket;
    }

    /** The attention ended, with an optional outcome. */
    public Ticket finish(@NotNull(message = "{ventanilla.queue.ticket.required}") UUID ticketId,
            @Size(max = Ticket.OUTCOME_LENGTH, message = "{ventanilla.queue.outcome.size}") String outcome) {
        Ticket ticket = queues.ticket(ticketId);
        Instant now = clock.now();
        ticket.finish(outcome, now);
        em.persist(TicketLogEntry.finish(ticket, now));
        finished.fire(TicketFinished.of(ticket, settings.station(ticket.getStationId()), now));
        return ticket;
    }

    /** Sends the ticket, with its number, to the end of another service's queue of the same unit. */
    public Ticket transfer(@NotNull(message = "{ventanilla.queue.ticket.required}") UUID ticketId,
            @NotNull(message = "{ventanilla.queue.service.required}") UUID serviceId) {
        Ticket ticket = queues.ticket(ticketId);
        ServiceInfo target = settings.service(serviceId);
        if (!target.active()) {
            throw QueueException.conflict("service.inactive", target.name());
        }
        Instant now = clock.now();
        UUID from = ticket.getServiceId();
        Station station = ticket.getStationId() == null ? null : settings.station(ticket.getStationId());
        TicketLogEntry entry = TicketLogEntry.transfer(ticket, serviceId, now);
        ticket.transferTo(serviceId, target.unitId(), now);
        em.persist(entry);
        transferred.fire(TicketTransferred.of(ticket, from, station, now));
        return ticket;
    }

    /** The citizen steps away; the station may call others meanwhile. */
    public Ticket park(@NotNull(message = "{ventanilla.queue.ticket.required}") UUID ticketId) {
        Ticket ticket = queues.ticket(ticketId);
        ticket.park();
        em.persist(TicketLogEntry.of(ticket, Type.ESTACIONADO, clock.now()));
        return ticket;
    }

    /** The parked citizen is back; their station must be free of another called or served ticket. */
    public Ticket resume(@NotNull(message = "{ventanilla.queue.ticket.required}") UUID ticketId) {
        Ticket ticket = queues.ticket(ticketId);
        Instant now = clock.now();
        if (ticket.getState() == TicketState.PARKED) {
            Station station = settings.station(ticket.getStationId());
            queues.lockStation(station.id());
            queues.occupying(station.id(), ticket.getDay()).ifPresent(current -> {
                throw QueueException.conflict("station.busy", station.name(), current.getNumber());
            });
        }
        ticket.resume();
        em.persist(TicketLogEntry.of(ticket, Type.REANUDADO, now));
        return ticket;
    }

    /** A ticket by id. */
    public Ticket get(@NotNull(message = "{ventanilla.queue.ticket.required}") UUID ticketId) {
        return queues.ticket(ticketId);
    }
}
