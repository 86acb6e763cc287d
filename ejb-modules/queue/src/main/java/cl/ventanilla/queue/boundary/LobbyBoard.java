package cl.ventanilla.queue.boundary;

import cl.ventanilla.queue.control.LobbySnapshots;
import cl.ventanilla.queue.control.QueueClock;
import cl.ventanilla.queue.control.QueueSettings;
import cl.ventanilla.queue.control.QueueSettings.ServiceInfo;
import cl.ventanilla.queue.control.Queues;
import cl.ventanilla.queue.control.Queues.PausedStation;
import cl.ventanilla.queue.control.Queues.ShownCall;
import cl.ventanilla.queue.control.WaitEstimator;
import cl.ventanilla.queue.control.WaitEstimator.Observation;
import cl.ventanilla.queue.control.WaitEstimator.WaitRange;
import cl.ventanilla.queue.entity.QueueException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the lobby screen and the virtual ticket show of a unit's queue: per service how many wait and
 * the estimated wait, the latest calls with their station, and the stations paused now. Public by design: it holds no personal
 * data, only numbers, service and station names.
 */
@Stateless
public class LobbyBoard {

    /** How many calls the lobby screen lists. */
    public static final int CALLS_SHOWN = 8;

    @Inject
    QueueClock clock;

    @Inject
    QueueSettings settings;

    @Inject
    Queues queues;

    @Inject
    WaitEstimator estimator;

    @Inject
    LobbySnapshots snapshots;

    /** One service's line on the screen. */
    public record ServiceQueue(UUID serviceId, String name, String prefix, int waiting, int waitMinutesP50,
            int waitMinutesP90) {
    }

    /**
     * The unit's queue at one moment; {@code lastCalls} newest first, the first one is the current call;
     * {@code pausedStations} the stations that call nobody now.
     */
    public record Snapshot(UUID unitId, Instant at, List<ServiceQueue> services, List<ShownCall> lastCalls,
            List<PausedStation> pausedStations) {
    }

    /**
     * The unit's queue now, or as read at most {@link LobbySnapshots#LIFETIME} ago if nothing changed since.
     *
     * @throws QueueException NOT_FOUND for an unknown unit
     */
    public Snapshot snapshot(@NotNull(message = "{ventanilla.queue.unit.required}") UUID unitId) {
        if (!settings.unitExists(unitId)) {
            throw QueueException.notFound("unit.notFound", unitId);
        }
        return snapshots.of(unitId, () -> read(unitId));
    }

    private Snapshot read(UUID unitId) {
        Instant now = clock.now();
        LocalDate day = QueueClock.dayOf(now);
        List<ServiceInfo> offered = settings.servicesOf(unitId);
        Map<UUID, Observation> observed = estimator.observe(offered.stream().map(ServiceInfo::id).toList(), now, day);
        List<ServiceQueue> services = offered.stream().map(s -> line(s, observed.get(s.id()))).toList();
        return new Snapshot(unitId, now, services, queues.lastCalls(unitId, day, CALLS_SHOWN),
                queues.pausedStations(unitId));
    }

    private ServiceQueue line(ServiceInfo service, Observation queue) {
        WaitRange wait = estimator.estimate(queue.inputs(queue.waiting(), settings.stationsAttending(service.id()),
                Duration.ofMinutes(service.averageMinutes())));
        return new ServiceQueue(service.id(), service.name(), service.prefix(), queue.waiting(), wait.p50Minutes(),
                wait.p90Minutes());
    }
}
