package cl.ventanilla.appointments.control;

import cl.ventanilla.appointments.control.AppointmentSettings.ServiceInfo;
import cl.ventanilla.appointments.entity.AppointmentState;
import cl.ventanilla.appointments.entity.OpeningHours;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plans a service's days: reads the facts of a range of days from the database in a handful of queries
 * (opening hours, holidays, closures, stations, places taken), or from the {@link AvailabilityCache},
 * and turns each day into a {@link DayPlan}.
 */
@Dependent
public class SlotPlanner {

    @PersistenceContext(unitName = "appointments")
    EntityManager em;

    @Inject
    AvailabilityCache cache;

    /** The plans of the days from {@code from} to {@code to} inclusive, cached where possible. */
    public Map<LocalDate, DayPlan> plans(ServiceInfo service, LocalDate from, LocalDate to) {
        List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
        Map<LocalDate, DayPlan.Facts> facts = new HashMap<>(cache.get(service.id(), days));
        List<LocalDate> missing = days.stream().filter(d -> !facts.containsKey(d)).toList();
        if (!missing.isEmpty()) {
            Map<LocalDate, DayPlan.Facts> loaded = load(service, missing.get(0), missing.get(missing.size() - 1));
            loaded.keySet().retainAll(missing);
            cache.put(service.id(), loaded);
            facts.putAll(loaded);
        }
        Map<LocalDate, DayPlan> plans = new LinkedHashMap<>();
        for (LocalDate day : days) {
            plans.put(day, new DayPlan(day, AppointmentClock.ZONE, service.rules(), facts.get(day)));
        }
        return plans;
    }

    /** The plan of one day, from the database itself: what booking decides with, under its locks. */
    public DayPlan fresh(ServiceInfo service, LocalDate day) {
        return new DayPlan(day, AppointmentClock.ZONE, service.rules(), load(service, day, day).get(day));
    }

    /** The facts of every day of the range, straight from the database (no cache). */
    public Map<LocalDate, DayPlan.Facts> load(ServiceInfo service, LocalDate from, LocalDate to) {
        Map<Integer, List<OpeningHours>> hours = new HashMap<>();
        for (Object row : em.createNativeQuery("""
                SELECT dia_semana, hora_apertura, hora_cierre FROM horarios_unidad WHERE unidad_id = :unit""")
                .setParameter("unit", service.unitId()).getResultList()) {
            Object[] r = (Object[]) row;
            hours.computeIfAbsent(Columns.integer(r[0]), d -> new ArrayList<>())
                    .add(new OpeningHours(Columns.time(r[1]), Columns.time(r[2])));
        }
        List<LocalDate> holidays = em.createNativeQuery("""
                SELECT fecha FROM feriados WHERE activo AND fecha BETWEEN :from AND :to""")
                .setParameter("from", from).setParameter("to", to).getResultList().stream()
                .map(Columns::date).toList();
        List<LocalDate[]> closures = em.createNativeQuery("""
                SELECT fecha_desde, fecha_hasta FROM cierres_unidad
                WHERE unidad_id = :unit AND fecha_hasta >= :from AND fecha_desde <= :to""")
                .setParameter("unit", service.unitId()).setParameter("from", from).setParameter("to", to)
                .getResultList().stream()
                .map(r -> new LocalDate[] {Columns.date(((Object[]) r)[0]), Columns.date(((Object[]) r)[1])})
                .toList();
        int stations = Columns.integer(em.createNativeQuery("""
                SELECT count(*) FROM estacion_servicios es JOIN estaciones e ON e.id = es.estacion_id
                WHERE es.servicio_id = :service AND e.activo AND e.unidad_id = :unit""")
                .setParameter("service", service.id()).setParameter("unit", service.unitId()).getSingleResult());
        int capacity = Math.max(0, stations - service.walkInStations());
        Map<LocalDate, Map<Instant, Integer>> taken = new HashMap<>();
        for (Object row : em.createNativeQuery("""
                SELECT fecha_hora_inicio, count(*) FROM agendamientos
                WHERE servicio_id = :service AND estado IN """ + AppointmentState.OCCUPYING_CODES + """
                 AND fecha_hora_inicio >= :from AND fecha_hora_inicio < :to
                GROUP BY fecha_hora_inicio""")
                .setParameter("service", service.id())
                .setParameter("from", startOf(from)).setParameter("to", startOf(to.plusDays(1)))
                .getResultList()) {
            Object[] r = (Object[]) row;
            Instant start = Columns.instant(r[0]);
            taken.computeIfAbsent(AppointmentClock.dayOf(start), d -> new HashMap<>()).put(start, Columns.integer(r[1]));
        }
        Map<LocalDate, DayPlan.Facts> facts = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate d = day;
            boolean closed = holidays.contains(d) || closures.stream().anyMatch(c -> !d.isBefore(c[0]) && !d.isAfter(c[1]));
            facts.put(d, new DayPlan.Facts(hours.getOrDefault(d.getDayOfWeek().getValue(), List.of()), closed, capacity,
                    taken.getOrDefault(d, Map.of())));
        }
        return facts;
    }

    /** Midnight of a day in the municipality. */
    public static Instant startOf(LocalDate day) {
        return ZonedDateTime.of(day.atStartOfDay(), AppointmentClock.ZONE).toInstant();
    }
}
