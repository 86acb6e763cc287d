package cl.ventanilla.queue.boundary;

import cl.ventanilla.config.boundary.ConfigurationReadModel.UnitView;
import cl.ventanilla.queue.control.QueueClock;
import cl.ventanilla.queue.control.QueueSettings;
import cl.ventanilla.queue.control.QueueSettings.ServiceInfo;
import cl.ventanilla.queue.control.Queues;
import cl.ventanilla.queue.control.Queues.FinishedToday;
import cl.ventanilla.queue.control.StaffScope;
import cl.ventanilla.queue.entity.QueueException;
import cl.ventanilla.queue.entity.SlaForecast;
import cl.ventanilla.queue.entity.SlaForecast.Forecast;
import cl.ventanilla.queue.entity.Station;
import cl.ventanilla.queue.entity.StationSession;
import cl.ventanilla.queue.entity.Ticket;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The supervisor's live view of a unit: per service who waits now, the longest current wait, the SLA,
 * the desks open for it and the tickets being served, with the {@link SlaForecast} that asks for another
 * desk; and the unit's desks, open, paused or closed. Read again after each of the queue's live events
 * (the screen follows the unit's live line), so it holds no state of its own.
 */
@Stateless
public class SupervisionBoard {

    @Inject
    QueueClock clock;

    @Inject
    QueueSettings settings;

    @Inject
    Queues queues;

    @Inject
    StaffScope staff;

    /** Whether a desk attends now: an operator sits there (or it holds a ticket), is away on a pause, or nobody. */
    public enum DeskState {
        OPEN, PAUSED, CLOSED
    }

    /** One desk of the unit; {@code ticketNumber} the ticket called to or served there, if any. */
    public record DeskLine(UUID stationId, String name, int number, DeskState state, String ticketNumber,
            List<UUID> services) {
    }

    /**
     * One service of the unit now.
     *
     * @param openDesks   desks open now that attend the service
     * @param beingServed tickets of the service called to or served at a desk now
     * @param meanService the mean service time the forecast used: today's, or the configured one
     */
    public record ServiceLine(UUID serviceId, String name, String prefix, int waiting, Duration sla, int openDesks,
            int beingServed, Duration meanService, boolean meanOfToday, Forecast forecast) {

        public long getSlaMinutes() {
            return sla.toMinutes();
        }
    }

    /** The unit at one moment. */
    public record UnitBoard(UUID unitId, String unitName, Instant at, List<ServiceLine> services,
            List<DeskLine> desks) {

        public long count(DeskState state) {
            return desks.stream().filter(d -> d.state() == state).count();
        }

        /** How long until a service's alert turns on if nothing happens meanwhile; empty when none will. */
        public Optional<Duration> untilNextAlert() {
            return services.stream().map(s -> s.forecast().untilAlert()).flatMap(Optional::stream)
                    .min(Duration::compareTo);
        }
    }

    /** The active units the caller may supervise, by name. */
    public List<UnitView> units() {
        return settings.activeUnits().stream().filter(u -> staff.mayActAt(u.id())).toList();
    }

    /**
     * The unit now.
     *
     * @throws QueueException NOT_FOUND for an unknown unit, CONFLICT for a deactivated one, FORBIDDEN for a
     *                        unit the caller may not see
     */
    public UnitBoard board(@NotNull(message = "{ventanilla.queue.unit.required}") UUID unitId) {
        UnitView unit = settings.activeUnits().stream().filter(u -> u.id().equals(unitId)).findFirst()
                .orElseThrow(() -> settings.unitName(unitId)
                        .map(name -> QueueException.conflict("unit.inactive", name))
                        .orElseGet(() -> QueueException.notFound("unit.notFound", unitId)));
        if (!staff.mayActAt(unitId)) {
            throw QueueException.forbidden("unit.notSupervised", unit.name());
        }
        Instant now = clock.now();
        LocalDate day = QueueClock.dayOf(now);
        List<ServiceInfo> services = settings.servicesOf(unitId);
        List<UUID> serviceIds = services.stream().map(ServiceInfo::id).toList();
        List<Station> stations = settings.stationsOf(unitId);
        List<Ticket> occupying = queues.occupyingAll(stations.stream().map(Station::id).toList(), day);
        List<DeskLine> desks = desks(stations, occupying);
        Map<UUID, List<Instant>> waiting = queues.waitingSince(serviceIds, day);
        Map<UUID, FinishedToday> finished = queues.finishedToday(serviceIds, day);
        Map<UUID, Long> served = occupying.stream()
                .collect(Collectors.groupingBy(Ticket::getServiceId, Collectors.counting()));
        List<ServiceLine> lines = services.stream().map(service -> {
            List<Duration> waits = waiting.getOrDefault(service.id(), List.of()).stream()
                    .map(since -> Duration.between(since, now)).toList();
            int open = (int) desks.stream()
                    .filter(d -> d.state() == DeskState.OPEN && d.services().contains(service.id())).count();
            FinishedToday today = finished.getOrDefault(service.id(), new FinishedToday(0, Duration.ZERO));
            Duration configured = Duration.ofMinutes(service.averageMinutes());
            Duration mean = SlaForecast.meanService(today.attentions(), today.total(), configured);
            return new ServiceLine(service.id(), service.name(), service.prefix(), waits.size(), service.sla(), open,
                    served.getOrDefault(service.id(), 0L).intValue(), mean,
                    today.attentions() >= SlaForecast.MIN_SAMPLE_TODAY,
                    SlaForecast.of(service.sla(), waits, open, mean));
        }).toList();
        return new UnitBoard(unitId, unit.name(), now, lines, desks);
    }

    private List<DeskLine> desks(List<Station> stations, List<Ticket> occupying) {
        Map<UUID, StationSession> sessions = queues.openSessions(stations.stream().map(Station::id).toList()).stream()
                .collect(Collectors.toMap(StationSession::getStationId, Function.identity(), (a, b) -> a));
        Map<UUID, Ticket> occupied = occupying.stream()
                .collect(Collectors.toMap(Ticket::getStationId, Function.identity(), (a, b) -> a));
        return stations.stream().map(station -> {
            StationSession session = sessions.get(station.id());
            Ticket ticket = occupied.get(station.id());
            DeskState state = session != null && session.isPaused() ? DeskState.PAUSED
                    // a desk calling through the API without a session still attends
                    : session != null || ticket != null ? DeskState.OPEN : DeskState.CLOSED;
            return new DeskLine(station.id(), station.name(), station.number(), state,
                    ticket == null ? null : ticket.getNumber(), station.services());
        }).toList();
    }
}
