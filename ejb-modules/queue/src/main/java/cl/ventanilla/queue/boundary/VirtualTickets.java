package cl.ventanilla.queue.boundary;

import cl.ventanilla.queue.control.QueueClock;
import cl.ventanilla.queue.control.QueueSettings;
import cl.ventanilla.queue.control.QueueSettings.ServiceInfo;
import cl.ventanilla.queue.control.TicketWhereabouts;
import cl.ventanilla.queue.control.WaitEstimator;
import cl.ventanilla.queue.control.WaitEstimator.Inputs;
import cl.ventanilla.queue.control.WaitEstimator.Observation;
import cl.ventanilla.queue.control.WaitEstimator.WaitRange;
import cl.ventanilla.queue.entity.PublicToken;
import cl.ventanilla.queue.entity.Station;
import cl.ventanilla.queue.entity.Ticket;
import cl.ventanilla.queue.entity.TicketState;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The virtual ticket: what the holder of a printed ticket sees by scanning its QR code, found by the
 * ticket's public token alone. Public by design, it returns no personal data and no internal id: the
 * number, the service and unit, the state, the station it was called to, the people ahead and the
 * estimated wait.
 */
@Stateless
public class VirtualTickets {

    @Inject
    QueueClock clock;

    @Inject
    QueueSettings settings;

    @Inject
    TicketWhereabouts whereabouts;

    @Inject
    WaitEstimator estimator;

    /**
     * A ticket as its holder sees it.
     *
     * @param token          the public token, as in the URL ({@link PublicToken})
     * @param number         {@code A-023}
     * @param serviceName    the service whose queue it is in now (a transfer changes it)
     * @param stationName    the station it was called to or is served at, while it is
     * @param stationNumber  that station's number, 0 when none
     * @param peopleAhead    tickets before it in its queue, 0 once it no longer waits
     * @param waitMinutesP50 the estimated wait from now, 0 once it no longer waits
     * @param appointment    issued at an appointment's check-in, not as a walk-in
     * @param unitId         the unit, whose live line the page listens to
     * @param serviceId      the service whose queue it is in now: its events move the ticket
     */
    public record VirtualTicket(String token, String number, String serviceName, String unitName, TicketState state,
            String stationName, int stationNumber, int peopleAhead, int waitMinutesP50, int waitMinutesP90,
            LocalDate day, Instant issuedAt, Instant at, boolean appointment, UUID unitId, UUID serviceId) {

        public boolean isWaiting() {
            return state == TicketState.WAITING;
        }

        /** Whether the ticket can still change: waiting, called, in service or parked. */
        public boolean isOpen() {
            return state == TicketState.WAITING || state == TicketState.CALLED || state == TicketState.IN_SERVICE
                    || state == TicketState.PARKED;
        }
    }

    /** The ticket with that public token; empty for an unknown or malformed token. */
    public Optional<VirtualTicket> find(String token) {
        return PublicToken.parse(token).flatMap(whereabouts::byPublicToken).map(this::shown);
    }

    private VirtualTicket shown(Ticket ticket) {
        Instant now = clock.now();
        ServiceInfo service = settings.service(ticket.getServiceId());
        Station station = ticket.getStationId() == null || !ticket.getState().occupiesStation()
                && ticket.getState() != TicketState.PARKED ? null : settings.station(ticket.getStationId());
        int inLine = whereabouts.peopleAhead(ticket);
        // an appointment goes before every walk-in at its time: ahead of it are the appointments booked before it
        int ahead = ticket.isAppointment() ? whereabouts.appointmentsAhead(ticket) : inLine;
        WaitRange wait = new WaitRange(0, 0);
        if (ticket.getState() == TicketState.WAITING && ticket.getDay().equals(QueueClock.dayOf(now))) {
            Observation queue = estimator.observe(List.of(service.id()), now, ticket.getDay()).get(service.id());
            int servers = settings.stationsAttending(service.id());
            Duration average = Duration.ofMinutes(service.averageMinutes());
            Inputs byArrival = queue.inputs(inLine, servers, average);
            wait = (ticket.isAppointment()
                    ? estimator.forAppointment(byArrival, ahead, Duration.between(now, ticket.getAppointmentAt()))
                    : estimator.exactly(byArrival)).minutes();
        }
        return new VirtualTicket(PublicToken.of(ticket.getPublicToken()), ticket.getNumber(), service.name(),
                whereabouts.unitName(ticket.getUnitId()), ticket.getState(),
                station == null ? null : station.name(), station == null ? 0 : station.number(), ahead,
                wait.p50Minutes(), wait.p90Minutes(), ticket.getDay(), ticket.getIssuedAt(), now,
                ticket.isAppointment(), ticket.getUnitId(), ticket.getServiceId());
    }
}
