package cl.ventanilla.queue.boundary;

import cl.ventanilla.kernel.Rut;
import cl.ventanilla.queue.control.AppointmentArrivals;
import cl.ventanilla.queue.control.AppointmentArrivals.Booking;
import cl.ventanilla.queue.control.QueueClock;
import cl.ventanilla.queue.control.QueueSettings;
import cl.ventanilla.queue.control.QueueSettings.ServiceInfo;
import cl.ventanilla.queue.control.Queues;
import cl.ventanilla.queue.control.StaffScope;
import cl.ventanilla.queue.control.TicketLedger;
import cl.ventanilla.queue.control.TicketWhereabouts;
import cl.ventanilla.queue.control.WaitEstimator;
import cl.ventanilla.queue.control.WaitEstimator.ExactRange;
import cl.ventanilla.queue.control.WaitEstimator.Observation;
import cl.ventanilla.queue.control.WaitEstimator.WaitRange;
import cl.ventanilla.queue.entity.CheckInWindow;
import cl.ventanilla.queue.entity.CheckInWindow.Arrival;
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
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The queue's counter and desks: the kiosk issues walk-in tickets and checks in appointments; a station calls the next ticket by
 * the unit's routing rules and recalls, starts, finishes, marks as no-show, transfers, parks and resumes
 * it. Every change is written to the ticket's history and announced as a CDI event after it is made.
 * Broken rules are {@link QueueException}s: unknown ids are NOT_FOUND, a ticket or station in the wrong
 * state is CONFLICT, bad input INVALID.
 */
@Stateless
public class TicketDesk {

    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    /** The shape of {@code agendamientos.codigo}. */
    private static final Pattern BOOKING_CODE = Pattern.compile("^[A-Z0-9-]{6,16}$");
    private static final Pattern RUT_LIKE = Pattern.compile("^[0-9.]{1,11}-?[0-9K]$");

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
    TicketLedger ledger;

    @Inject
    AppointmentArrivals arrivals;

    @Inject
    WaitEstimator estimator;

    @Inject
    TicketWhereabouts whereabouts;

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

    /**
     * A new ticket with what the kiosk prints: the people ahead and the estimated wait in whole minutes
     * (rounded up), and the same range in seconds for clients that count down or measure the promise.
     */
    public record IssuedTicket(Ticket ticket, String serviceName, int peopleAhead, int waitMinutesP50,
            int waitMinutesP90, long waitSecondsP50, long waitSecondsP90) {
    }

    /**
     * Issues a walk-in ticket for a service, numbered per service and day (America/Santiago), while the
     * unit is open (its opening hours, not on a holiday nor one of its closures) and the service's daily
     * walk-in quota lasts.
     *
     * @param preferentialCategory the code of a preferential category the unit enables
     *                             ({@code PERSONA_MAYOR}…), or {@code null}
     * @throws QueueException unknown service (NOT_FOUND), inactive service, unit closed or quota used up (CONFLICT),
     *                        unknown category (INVALID)
     */
    public IssuedTicket issueWalkIn(@NotNull(message = "{ventanilla.queue.service.required}") UUID serviceId,
            @Size(max = 40, message = "{ventanilla.queue.category.size}") String preferentialCategory) {
        ServiceInfo service = activeService(serviceId);
        UUID category = preferentialCategory == null || preferentialCategory.isBlank() ? null
                : settings.preferentialCategory(service.unitId(), preferentialCategory.strip());
        Instant now = clock.now();
        ensureOpen(service.unitId(), now);
        LocalDate day = QueueClock.dayOf(now);
        // the ledger holds the service's counter of the day until commit: the count below is exact
        TicketNumber number = new TicketNumber(service.prefix(), ledger.nextNumber(serviceId, day));
        if (service.walkInQuota() != null && queues.walkInsIssued(serviceId, day) >= service.walkInQuota()) {
            throw QueueException.conflict("service.walkInQuotaReached", service.name(), service.walkInQuota());
        }
        return issue(Ticket.issue(service.unitId(), serviceId, day, number, category, now), service, now);
    }

    /**
     * Checks in a citizen with an appointment, by the booking's code or by their RUT (then their
     * confirmed booking of the day whose check-in window is open, the earliest if several): issues the
     * ticket, numbered with the service's walk-ins but not counted against their quota, flagged as an
     * appointment and called first once the booked time comes ({@link Queues#takeNext}); the booking becomes
     * PRESENTADO in the same transaction, so it checks in once.
     *
     * @throws QueueException INVALID for something that is neither a code nor a RUT (a RUT with a wrong
     *                        check digit is an {@link cl.ventanilla.kernel.InvalidRutException});
     *                        NOT_FOUND for an unknown code or no booking of the day; CONFLICT too early,
     *                        too late, already checked in, a booking no longer confirmed, or the unit not
     *                        open yet (a booking at opening time whose window opens before it)
     */
    public IssuedTicket checkIn(@NotNull(message = "{ventanilla.queue.checkIn.required}")
            @Size(max = 40, message = "{ventanilla.queue.checkIn.required}") String codeOrRut) {
        Instant now = clock.now();
        LocalDate day = QueueClock.dayOf(now);
        Booking booking = bookingFor(codeOrRut, now, day);
        ServiceInfo service = activeService(booking.serviceId());
        // early for a booking at opening time: told when the unit opens, like a walk-in
        ensureOpen(booking.unitId(), now);
        if (!arrivals.markPresented(booking.id(), now)) {
            throw QueueException.conflict("checkIn.already", booking.code());
        }
        TicketNumber number = new TicketNumber(service.prefix(), ledger.nextNumber(service.id(), day));
        return issue(Ticket.checkIn(service.unitId(), service.id(), day, number, booking.id(), booking.startsAt(), now),
                service, now);
    }

    /**
     * Refuses, as issuing a ticket would, while the unit does not attend: the kiosk says so before the
     * citizen chooses.
     *
     * @throws QueueException CONFLICT {@code unit.closed}, {@code unit.closedToday} or {@code unit.closedNoHours}
     */
    public void ensureOpen(@NotNull(message = "{ventanilla.queue.unit.required}") UUID unitId) {
        ensureOpen(unitId, clock.now());
    }

    /**
     * Refuses (CONFLICT) while the unit is closed by its calendar, saying when it opens again: today,
     * or the weekday and date, and the time; or that it has no opening ahead.
     */
    private void ensureOpen(UUID unitId, Instant now) {
        settings.closedAt(unitId, now).ifPresent(closed -> {
            if (closed.reopens().isEmpty()) {
                throw QueueException.conflict("unit.closedNoHours", closed.unitName());
            }
            LocalDateTime reopens = closed.reopens().get();
            boolean today = reopens.toLocalDate().equals(QueueClock.dayOf(now));
            Object[] arguments = {closed.unitName(), today ? 0 : reopens.getDayOfWeek().getValue(),
                SHOWN_DATE.format(reopens), SHOWN_TIME.format(reopens), closed.because().orElse("")};
            throw closed.because().isPresent() ? QueueException.conflict("unit.closedToday", arguments)
                    : QueueException.conflict("unit.closed", arguments);
        });
    }

    private ServiceInfo activeService(UUID serviceId) {
        ServiceInfo service = settings.service(serviceId);
        if (!service.active()) {
            throw QueueException.conflict("service.inactive", service.name());
        }
        return service;
    }

    private IssuedTicket issue(Ticket ticket, ServiceInfo service, Instant now) {
        Observation queue = estimator.observe(List.of(service.id()), now, ticket.getDay()).get(service.id());
        int servers = settings.stationsAttending(service.id());
        Duration average = Duration.ofMinutes(service.averageMinutes());
        int peopleAhead;
        ExactRange exact;
        if (ticket.isAppointment()) {
            // in the line by its arrival until its booked time, then before every walk-in: whichever comes
            // first; ahead of it at its time are only the appointments booked before it
            peopleAhead = whereabouts.appointmentsAhead(service.id(), ticket.getDay(), ticket.getAppointmentAt());
            exact = estimator.forAppointment(queue.inputs(queue.waiting(), servers, average), peopleAhead,
                    Duration.between(now, ticket.getAppointmentAt()));
        } else {
            peopleAhead = queue.waiting();
            exact = estimator.exactly(queue.inputs(peopleAhead, servers, average));
        }
        WaitRange wait = exact.minutes();
        ticket.promised(peopleAhead, wait.p50Minutes(), wait.p90Minutes());
        ledger.recordIssued(ticket);
        issued.fire(TicketIssued.of(ticket, peopleAhead, now));
        return new IssuedTicket(ticket, service.name(), peopleAhead, wait.p50Minutes(), wait.p90Minutes(),
                exact.p50Seconds(), exact.p90Seconds());
    }

    private Booking bookingFor(String codeOrRut, Instant now, LocalDate day) {
        String text = codeOrRut.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        if (text.isEmpty()) {
            throw QueueException.invalid("checkIn.empty");
        }
        boolean codeLike = BOOKING_CODE.matcher(text).matches();
        if (codeLike) {
            Optional<Booking> byCode = arrivals.byCode(text);
            if (byCode.isPresent()) {
                return onTime(byCode.get(), now, day);
            }
        }
        if (!RUT_LIKE.matcher(text).matches()) {
            throw codeLike ? QueueException.notFound("checkIn.codeNotFound", text)
                    : QueueException.invalid("checkIn.malformed", codeOrRut.strip());
        }
        Rut rut = Rut.of(text);
        List<Booking> today = arrivals.confirmedOfDay(rut.normalized(), day);
        if (today.isEmpty()) {
            // the same citizen at a second kiosk a moment after the first: tell them it is registered
            throw arrivals.presentedOfDay(rut.normalized(), day).stream().findFirst()
                    .map(presented -> QueueException.conflict("checkIn.already", presented.code()))
                    .orElseGet(() -> QueueException.notFound("checkIn.noneForRut", rut.formatted()));
        }
        Optional<Booking> open = today.stream().filter(b -> settings.checkInWindow(b.unitId())
                .arrival(b.startsAt(), now) == Arrival.ON_TIME).findFirst();
        // none open now: explain with the next one still to come, or else with the last one missed
        return open.orElseGet(() -> onTime(today.stream().filter(b -> settings.checkInWindow(b.unitId())
                .arrival(b.startsAt(), now) == Arrival.TOO_EARLY).findFirst().orElse(today.get(today.size() - 1)),
                now, day));
    }

    /** The booking, if it may check in now; otherwise the refusal that tells the citizen why and when. */
    private Booking onTime(Booking booking, Instant now, LocalDate day) {
        if (!booking.confirmed()) {
            throw QueueException.conflict(AppointmentArrivals.PRESENTED.equals(booking.state()) ? "checkIn.already"
                    : "checkIn.notConfirmed", booking.code());
        }
        CheckInWindow window = settings.checkInWindow(booking.unitId());
        ZonedDateTime start = booking.startsAt().atZone(QueueClock.ZONE);
        boolean today = start.toLocalDate().equals(day);
        switch (window.arrival(booking.startsAt(), now)) {
            case TOO_EARLY -> throw today
                    ? QueueException.conflict("checkIn.tooEarly", shown(window.opensAt(booking.startsAt())))
                    : QueueException.conflict("checkIn.otherDay", SHOWN_DATE.format(start), shown(booking.startsAt()));
            case TOO_LATE -> throw today
                    ? QueueException.conflict("checkIn.tooLate", shown(booking.startsAt()),
                            shown(window.closesAt(booking.startsAt())))
                    : QueueException.conflict("checkIn.pastDay", SHOWN_DATE.format(start), shown(booking.startsAt()));
            default -> {
                return booking;
            }
        }
    }

    private static String shown(Instant instant) {
        return SHOWN_TIME.format(instant.atZone(QueueClock.ZONE));
    }

    /**
     * Calls the next ticket to the station over its active services: due appointments first (earliest
     * booked first), then tickets waiting longer than the unit's maximum wait (oldest first), then
     * preferential and normal tickets interleaved by the unit's ratio, first come first served within a
     * class (see {@link Queues#takeNext}). Two stations never get
     * the same ticket; a station with a ticket still called or in service must close it first, and a
     * paused station (see {@link StationSessions}) must resume first.
     *
     * @return the called ticket, or empty when nobody waits for the station's services
     */
    public Optional<Ticket> callNext(@NotNull(message = "{ventanilla.queue.station.required}") UUID stationId) {
        Station station = settings.station(stationId);
        staff.ensureWorksAt(station.unitId());
        if (!station.active()) {
            throw QueueException.conflict("station.inactive", station.name());
        }
        if (station.services().isEmpty()) {
            throw QueueException.conflict("station.noServices", station.name());
        }
        queues.lockStation(stationId);
        queues.openSession(stationId).filter(StationSession::isPaused).ifPresent(session -> {
            throw QueueException.conflict("station.paused", station.name(),
                    shown(session.getPausedSince()));
        });
        LocalDate day = QueueClock.dayOf(clock.now());
        queues.occupying(stationId, day).ifPresent(current -> {
            throw QueueException.conflict("station.busy", station.name(), current.getNumber());
        });
        // read after the check, so the call is timed after the finish of the station's previous ticket
        Instant now = clock.now();
        Optional<Ticket> next = queues.takeNext(stationId, station.services(), day, settings.rules(station.unitId()),
                now);
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
        staff.ensureWorksAt(ticket.getUnitId());
        ticket.recall(settings.rules(ticket.getUnitId()).recallLimit());
        Instant now = clock.now();
        em.persist(TicketLogEntry.of(ticket, Type.RELLAMADO, now));
        recalled.fire(TicketRecalled.of(ticket, settings.station(ticket.getStationId()), now));
        return ticket;
    }

    /** The called citizen did not come. */
    public Ticket noShow(@NotNull(message = "{ventanilla.queue.ticket.required}") UUID ticketId) {
        Ticket ticket = queues.ticket(ticketId);
        staff.ensureWorksAt(ticket.getUnitId());
        Instant now = clock.now();
        ticket.markNoShow(now);
        em.persist(TicketLogEntry.of(ticket, Type.NO_SE_PRESENTO, now));
        noShows.fire(TicketNoShow.of(ticket, settings.station(ticket.getStationId()), now));
        return ticket;
    }

    /** The citizen sat down at the station. */
    public Ticket start(@NotNull(message = "{ventanilla.queue.ticket.required}") UUID ticketId) {
        Ticket ticket = queues.ticket(ticketId);
        staff.ensureWorksAt(ticket.getUnitId());
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
        staff.ensureWorksAt(ticket.getUnitId());
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
        staff.ensureWorksAt(ticket.getUnitId());
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
        staff.ensureWorksAt(ticket.getUnitId());
        ticket.park();
        em.persist(TicketLogEntry.of(ticket, Type.ESTACIONADO, clock.now()));
        return ticket;
    }

    /** The parked citizen is back; their station must be free of another called or served ticket. */
    public Ticket resume(@NotNull(message = "{ventanilla.queue.ticket.required}") UUID ticketId) {
        Ticket ticket = queues.ticket(ticketId);
        staff.ensureWorksAt(ticket.getUnitId());
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
