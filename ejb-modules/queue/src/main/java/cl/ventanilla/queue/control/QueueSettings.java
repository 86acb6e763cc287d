package cl.ventanilla.queue.control;

import cl.ventanilla.config.boundary.ConfigurationReadModel;
import cl.ventanilla.config.boundary.ConfigurationReadModel.ServiceView;
import cl.ventanilla.config.boundary.ConfigurationReadModel.UnitView;
import cl.ventanilla.config.control.UnitCalendar;
import cl.ventanilla.queue.entity.CheckInWindow;
import cl.ventanilla.queue.entity.QueueException;
import cl.ventanilla.queue.entity.QueueRules;
import cl.ventanilla.queue.entity.Station;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the queue needs to know of the configuration (services, stations, the unit's rules), in the
 * queue's own terms. It reads the config domain's {@link ConfigurationReadModel}, held in memory and
 * dropped on every change, so a ticket or a call costs no query on the configuration.
 */
@Dependent
public class QueueSettings {

    @Inject
    ConfigurationReadModel configuration;

    /**
     * {@code VENTANILLA_QUEUE_ANY_HOUR=true}: tickets at any hour and on holidays, only a unit's own
     * closures refuse them; for a demo or test server that must answer whenever it is used.
     */
    @Inject
    @ConfigProperty(name = "ventanilla.queue.any-hour", defaultValue = "false")
    boolean anyHour;

    /**
     * A unit that does not attend at a moment: its name, why when it is a holiday or a closure of the
     * unit, and when it opens again (empty when no opening lies ahead within a year).
     */
    public record Closed(String unitName, Optional<String> because, Optional<LocalDateTime> reopens) {
    }

    /**
     * A service as the kiosk issues for it; {@code walkInQuota} is how many walk-in tickets it gives a
     * day ({@code cupo_diario_presencial}), {@code null} for no limit; {@code sla} the longest wait the
     * municipality promises ({@code sla_minutos}).
     */
    public record ServiceInfo(UUID id, UUID unitId, String name, String prefix, boolean active,
            int averageMinutes, Integer walkInQuota, Duration sla) {
    }

    public ServiceInfo service(UUID serviceId) {
        return findService(serviceId).orElseThrow(() -> QueueException.notFound("service.notFound", serviceId));
    }

    public Optional<ServiceInfo> findService(UUID serviceId) {
        return configuration.service(serviceId).map(QueueSettings::service);
    }

    /** The active services of a unit, by prefix. */
    public List<ServiceInfo> servicesOf(UUID unitId) {
        return configuration.activeServicesOf(unitId).stream().map(QueueSettings::service).toList();
    }

    private static ServiceInfo service(ServiceView s) {
        return new ServiceInfo(s.id(), s.unitId(), s.name(), s.prefix(), s.active(), s.averageMinutes(),
                s.walkInQuota(), Duration.ofMinutes(s.slaMinutes()));
    }

    /** Every active service of every unit. */
    public List<ServiceInfo> activeServices() {
        return configuration.services().stream().filter(ServiceView::active).map(QueueSettings::service).toList();
    }

    /** The unit's name as the municipality calls it; empty for an unknown unit. */
    public Optional<String> unitName(UUID unitId) {
        return configuration.unit(unitId).map(UnitView::name);
    }

    public boolean unitExists(UUID unitId) {
        return configuration.unitExists(unitId);
    }

    public Station station(UUID stationId) {
        return configuration.station(stationId)
                .map(s -> new Station(s.id(), s.unitId(), s.name(), s.number(), s.active(), s.services()))
                .orElseThrow(() -> QueueException.notFound("station.notFound", stationId));
    }

    /** The unit's active stations, by number. */
    public List<Station> stationsOf(UUID unitId) {
        return configuration.activeStationsOf(unitId).stream()
                .map(s -> new Station(s.id(), s.unitId(), s.name(), s.number(), s.active(), s.services())).toList();
    }

    /** Every active unit, by name. */
    public List<UnitView> activeUnits() {
        return configuration.units().stream().filter(UnitView::active).sorted(Comparator.comparing(UnitView::name))
                .toList();
    }

    /** The unit's rules, or the schema's defaults when it has none. */
    public QueueRules rules(UUID unitId) {
        return configuration.rules(unitId)
                .map(r -> new QueueRules(r.preferentialRatio(), r.normalRatio(), Duration.ofMinutes(r.maxWaitMinutes()),
                        r.maxRecalls()))
                .orElse(QueueRules.DEFAULT);
    }

    /** When the unit's citizens with an appointment may check in, or the schema's defaults. */
    public CheckInWindow checkInWindow(UUID unitId) {
        return configuration.rules(unitId)
                .map(r -> new CheckInWindow(Duration.ofMinutes(r.checkInBeforeMinutes()),
                        Duration.ofMinutes(r.checkInAfterMinutes())))
                .orElse(CheckInWindow.DEFAULT);
    }

    /** The id of an active preferential category the unit's rules enable, by its code (PERSONA_MAYOR…). */
    public UUID preferentialCategory(UUID unitId, String code) {
        return configuration.rules(unitId).map(r -> r.categories().get(code))
                .orElseThrow(() -> QueueException.invalid("category.unknown", code));
    }

    /** Whether the unit attends at that moment by its calendar (opening hours, holidays, closures); if not, why and until when. */
    public Optional<Closed> closedAt(UUID unitId, Instant now) {
        UnitCalendar calendar = anyHour ? configuration.calendar(unitId).closuresOnly() : configuration.calendar(unitId);
        LocalDateTime local = LocalDateTime.ofInstant(now, UnitCalendar.ZONE);
        if (calendar.isOpen(local)) {
            return Optional.empty();
        }
        return Optional.of(new Closed(unitName(unitId).orElse(unitId.toString()),
                calendar.closedBecause(local.toLocalDate()), calendar.nextOpening(local)));
    }

    /** How many active stations attend a service: the servers of the wait estimate. */
    public int stationsAttending(UUID serviceId) {
        return configuration.stationsAttending(serviceId);
    }
}
