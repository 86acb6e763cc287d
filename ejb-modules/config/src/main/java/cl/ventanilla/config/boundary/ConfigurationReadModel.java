package cl.ventanilla.config.boundary;

import cl.ventanilla.config.control.UnitCalendar;
import cl.ventanilla.config.entity.Holiday;
import cl.ventanilla.config.entity.OpeningRange;
import cl.ventanilla.config.entity.UnitClosure;
import cl.ventanilla.config.entity.WeeklySchedule;
import cl.ventanilla.kernel.cache.Invalidated;
import cl.ventanilla.kernel.cache.Invalidations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The configuration as the other domains read it (services, units and directorates, stations, each
 * unit's queue rules and preferential categories, and each unit's calendar: its opening hours, the
 * national holidays and its closures from yesterday on), held in memory: the queue reads it on every ticket
 * and call, appointments on every calendar and booking, and it changes a few times a month. The config domain owns it: every change it makes (they all pass through the audit
 * trail) drops this copy on every instance through {@link Invalidations}, after the commit. A copy lives
 * at most {@link #SAFETY_NET} while this instance hears the others, and {@link #UNHEARD} while its Redis
 * subscription is down, so a missed message costs a few seconds of old configuration, never more.
 *
 * <p>Read with plain SQL on the configuration's tables, which this domain owns, in one pass: the whole
 * configuration of a municipality is a few hundred rows.
 */
@ApplicationScoped
public class ConfigurationReadModel {

    /** The topic of the configuration's invalidations. */
    public static final String TOPIC = "config";
    static final Duration SAFETY_NET = Duration.ofSeconds(60);
    static final Duration UNHEARD = Duration.ofSeconds(2);

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    @Inject
    Invalidations invalidations;

    private volatile Snapshot current;
    // each drop counts; a load that started before a drop must not install what it read
    private final AtomicLong drops = new AtomicLong();

    /**
     * A service as other domains see it: {@code walkInQuota} null for no daily limit; the booking rules
     * (slot length, horizon, lead time, stations kept for walk-ins); {@code slaMinutes} the longest wait
     * the municipality promises ({@code sla_minutos}).
     */
    public record ServiceView(UUID id, UUID unitId, String name, String prefix, boolean active, int averageMinutes,
            Integer walkInQuota, String description, String requirements, boolean acceptsBookings, int slotMinutes,
            int horizonDays, int leadMinutes, int walkInStations, int slaMinutes) {
    }

    /** A unit with its directorate, as the booking pages name them. */
    public record UnitView(UUID id, String name, String address, boolean active, UUID directorateId,
            String directorateName, boolean directorateActive) {
    }

    /** A station with the active services it attends, by prefix. */
    public record StationView(UUID id, UUID unitId, String name, int number, boolean active, List<UUID> services) {
    }

    /**
     * A unit's queue rules ({@code reglas_prioridad}); {@code categories} the codes of the active
     * preferential categories the rules enable, with their ids.
     */
    public record QueueRules(int preferentialRatio, int normalRatio, int maxWaitMinutes, int maxRecalls,
            int checkInBeforeMinutes, int checkInAfterMinutes, Map<String, UUID> categories) {
    }

    /** Everything at one moment; immutable. */
    record Snapshot(long loadedAt, Map<UUID, ServiceView> services, Map<UUID, StationView> stations,
            Map<UUID, QueueRules> rules, Map<UUID, UnitView> units, Map<UUID, Integer> stationsAttending,
            Map<UUID, List<ServiceView>> activeServicesOfUnit, Map<UUID, UnitCalendar> calendars) {
    }

    public Optional<ServiceView> service(UUID id) {
        return Optional.ofNullable(snapshot().services().get(id));
    }

    /** The active services of a unit, by prefix. */
    public List<ServiceView> activeServicesOf(UUID unitId) {
        return snapshot().activeServicesOfUnit().getOrDefault(unitId, List.of());
    }

    public Optional<StationView> station(UUID id) {
        return Optional.ofNullable(snapshot().stations().get(id));
    }

    /** The active stations of a unit, by number. */
    public List<StationView> activeStationsOf(UUID unitId) {
        return snapshot().stations().values().stream().filter(s -> s.active() && s.unitId().equals(unitId))
                .sorted(Comparator.comparingInt(StationView::number)).toList();
    }

    /** Every station of a unit, any state, by number. */
    public List<StationView> stationsOf(UUID unitId) {
        return snapshot().stations().values().stream().filter(s -> s.unitId().equals(unitId))
                .sorted(Comparator.comparingInt(StationView::number)).toList();
    }

    /** The unit's rules; empty when it has none (the schema's defaults apply). */
    public Optional<QueueRules> rules(UUID unitId) {
        return Optional.ofNullable(snapshot().rules().get(unitId));
    }

    public boolean unitExists(UUID unitId) {
        return snapshot().units().containsKey(unitId);
    }

    public Optional<UnitView> unit(UUID unitId) {
        return Optional.ofNullable(snapshot().units().get(unitId));
    }

    /** Every unit, any state, in no particular order. */
    public Collection<UnitView> units() {
        return snapshot().units().values();
    }

    /** Every service, any state, in no particular order. */
    public Collection<ServiceView> services() {
        return snapshot().services().values();
    }

    /**
     * When the unit attends (its weekly hours minus the holidays and its closures), for today and the
     * days ahead; a unit without opening hours never attends.
     */
    public UnitCalendar calendar(UUID unitId) {
        return snapshot().calendars().getOrDefault(unitId, NEVER_OPEN);
    }

    private static final UnitCalendar NEVER_OPEN = new UnitCalendar(new WeeklySchedule(List.of()), List.of(), List.of());

    /** How many active stations attend a service. */
    public int stationsAttending(UUID serviceId) {
        return snapshot().stationsAttending().getOrDefault(serviceId, 0);
    }

    /** Drops the copy: the configuration changed here or on another instance. */
    void drop(@Observes Invalidated invalidated) {
        if (invalidated.concerns(TOPIC)) {
            drops.incrementAndGet();
            current = null;
        }
    }

    private Snapshot snapshot() {
        Snapshot snapshot = current;
        long now = System.nanoTime();
        if (snapshot != null && now - snapshot.loadedAt() < lifetime().toNanos()) {
            return snapshot;
        }
        long seen = drops.get();
        Snapshot loaded = load();
        synchronized (this) {
            if (drops.get() == seen) {
                current = loaded;
            }
        }
        return loaded;
    }

    private Duration lifetime() {
        return Invalidations.listening() ? SAFETY_NET : UNHEARD;
    }

    private Snapshot load() {
        try (Connection connection = dataSource.getConnection()) {
            Map<UUID, ServiceView> services = new HashMap<>();
            query(connection, """
                    SELECT id, unidad_id, nombre, prefijo, activo, duracion_promedio_min, cupo_diario_presencial,
                           descripcion, requisitos, acepta_agendamiento, duracion_bloque_min, horizonte_dias,
                           anticipacion_minima_min, estaciones_reservadas_presencial, sla_minutos
                    FROM servicios""", r -> services.put(uuid(r, 1), new ServiceView(uuid(r, 1), uuid(r, 2),
                    r.getString(3), r.getString(4), r.getBoolean(5), r.getInt(6), (Integer) r.getObject(7),
                    r.getString(8), r.getString(9), r.getBoolean(10), r.getInt(11), r.getInt(12), r.getInt(13),
                    r.getInt(14), r.getInt(15))));
            Map<UUID, List<UUID>> attended = new HashMap<>();
            query(connection, "SELECT estacion_id, servicio_id FROM estacion_servicios",
                    r -> attended.computeIfAbsent(uuid(r, 1), k -> new ArrayList<>()).add(uuid(r, 2)));
            Map<UUID, StationView> stations = new HashMap<>();
            Map<UUID, Integer> stationsAttending = new HashMap<>();
            query(connection, "SELECT id, unidad_id, nombre, numero, activo FROM estaciones", r -> {
                UUID id = uuid(r, 1);
                List<UUID> all = attended.getOrDefault(id, List.of());
                List<UUID> active = all.stream().map(services::get).filter(s -> s != null && s.active())
                        .sorted(Comparator.comparing(ServiceView::prefix)).map(ServiceView::id).toList();
                boolean stationActive = r.getBoolean(5);
                stations.put(id, new StationView(id, uuid(r, 2), r.getString(3), r.getInt(4), stationActive, active));
                if (stationActive) {
                    all.forEach(service -> stationsAttending.merge(service, 1, Integer::sum));
                }
            });
            Map<UUID, Map<String, UUID>> categories = new HashMap<>();
            query(connection, """
                    SELECT r.unidad_id, c.codigo, c.id FROM categorias_preferenciales c
                    JOIN reglas_prioridad_categorias rc ON rc.categoria_id = c.id
                    JOIN reglas_prioridad r ON r.id = rc.regla_id WHERE c.activo""",
                    r -> categories.computeIfAbsent(uuid(r, 1), k -> new HashMap<>()).put(r.getString(2), uuid(r, 3)));
            Map<UUID, QueueRules> rules = new HashMap<>();
            query(connection, """
                    SELECT unidad_id, proporcion_preferencial, proporcion_normal, espera_maxima_min, max_rellamados,
                           checkin_anticipacion_min, checkin_tolerancia_min FROM reglas_prioridad""",
                    r -> rules.put(uuid(r, 1), new QueueRules(r.getInt(2), r.getInt(3), r.getInt(4), r.getInt(5),
                            r.getInt(6), r.getInt(7), Map.copyOf(categories.getOrDefault(uuid(r, 1), Map.of())))));
            Map<UUID, UnitView> units = new HashMap<>();
            query(connection, """
                    SELECT u.id, u.nombre, u.direccion_fisica, u.activo, d.id, d.nombre, d.activo
                    FROM unidades u JOIN direcciones_municipales d ON d.id = u.direccion_id""",
                    r -> units.put(uuid(r, 1), new UnitView(uuid(r, 1), r.getString(2), r.getString(3), r.getBoolean(4),
                            uuid(r, 5), r.getString(6), r.getBoolean(7))));
            Map<UUID, List<ServiceView>> byUnit = new HashMap<>();
            services.values().stream().filter(ServiceView::active).sorted(Comparator.comparing(ServiceView::prefix))
                    .forEach(s -> byUnit.computeIfAbsent(s.unitId(), k -> new ArrayList<>()).add(s));
            Map<UUID, List<ServiceView>> activeServicesOfUnit = new HashMap<>();
            byUnit.forEach((unit, list) -> activeServicesOfUnit.put(unit, List.copyOf(list)));
            return new Snapshot(System.nanoTime(), Map.copyOf(services), Map.copyOf(stations), Map.copyOf(rules),
                    Map.copyOf(units), Map.copyOf(stationsAttending), Map.copyOf(activeServicesOfUnit),
                    calendars(connection, units.keySet()));
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudo leer la configuración", e);
        }
    }

    /**
     * Each unit's calendar; holidays and closures that ended before yesterday (in any time zone) are
     * left out, as the read model answers for today and the days ahead.
     */
    private static Map<UUID, UnitCalendar> calendars(Connection connection, Collection<UUID> units) throws SQLException {
        Map<UUID, List<OpeningRange>> hours = new HashMap<>();
        query(connection, "SELECT unidad_id, dia_semana, hora_apertura, hora_cierre FROM horarios_unidad",
                r -> hours.computeIfAbsent(uuid(r, 1), k -> new ArrayList<>()).add(new OpeningRange(
                        DayOfWeek.of(r.getInt(2)), r.getObject(3, LocalTime.class), r.getObject(4, LocalTime.class))));
        List<Holiday> holidays = new ArrayList<>();
        query(connection, "SELECT fecha, nombre, irrenunciable FROM feriados WHERE activo AND fecha >= CURRENT_DATE - 2",
                r -> holidays.add(new Holiday(r.getObject(1, LocalDate.class), r.getString(2), r.getBoolean(3))));
        Map<UUID, List<UnitClosure>> closures = new HashMap<>();
        query(connection, "SELECT unidad_id, fecha_desde, fecha_hasta, motivo FROM cierres_unidad WHERE fecha_hasta >= CURRENT_DATE - 2",
                r -> closures.computeIfAbsent(uuid(r, 1), k -> new ArrayList<>()).add(new UnitClosure(uuid(r, 1),
                        r.getObject(2, LocalDate.class), r.getObject(3, LocalDate.class), r.getString(4))));
        Map<UUID, UnitCalendar> calendars = new HashMap<>();
        for (UUID unit : units) {
            calendars.put(unit, new UnitCalendar(new WeeklySchedule(hours.getOrDefault(unit, List.of())), holidays,
                    closures.getOrDefault(unit, List.of())));
        }
        return Map.copyOf(calendars);
    }

    private interface Row {
        void accept(ResultSet row) throws SQLException;
    }

    private static void query(Connection connection, String sql, Row each) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                each.accept(rows);
            }
        }
    }

    private static UUID uuid(ResultSet row, int column) throws SQLException {
        return row.getObject(column, UUID.class);
    }
}
