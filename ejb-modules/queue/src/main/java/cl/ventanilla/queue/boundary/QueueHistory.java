package cl.ventanilla.queue.boundary;

import cl.ventanilla.queue.control.QueueClock;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What happened at a unit's desks, hour by hour, for the staffing advice of the statistics: tickets issued
 * per day, service and hour; the measured service time per service; and the desk time staffed per hour of a
 * day. The queue owns {@code turnos}, {@code sesiones_estacion} and {@code pausas_estacion}, so their SQL lives
 * here and the statistics read it through this boundary. Hours are local (America/Santiago), 0–23. Each
 * figure is one statement over the unit's rows of the asked days ({@code ix_turnos_unidad_fecha_estado},
 * {@code ix_sesiones_estacion_inicio}).
 */
@Stateless
public class QueueHistory {

    /** Tickets issued for a service ({@code turnos.servicio_id}) on a day, in an hour of {@code hora_emision}. */
    public record HourlyArrivals(LocalDate day, UUID serviceId, int hour, long tickets) {
    }

    /**
     * The finished tickets of a service ({@code servicio_atencion_id}) and their mean desk time in seconds:
     * from the call ({@code hora_llamado}: the desk stops calling others) to the end of the service.
     */
    public record ServiceTime(UUID serviceId, long finished, double meanSeconds) {
    }

    /** Desks open in an hour: staffed desk time in that hour divided by the hour (1.5 = one desk and a half). */
    public record HourlyDesks(int hour, double desks) {
    }

    @PersistenceContext(unitName = "queue")
    EntityManager em;

    @Inject
    QueueClock clock;

    /** Tickets issued at the unit on the given days, per day, service of issue and hour. */
    public List<HourlyArrivals> arrivals(UUID unitId, Collection<LocalDate> days) {
        List<?> rows = em.createNativeQuery("""
                SELECT fecha, servicio_id, CAST(extract(hour FROM hora_emision AT TIME ZONE 'America/Santiago') AS int),
                       count(*)
                FROM turnos WHERE unidad_id = :unit AND fecha = ANY (CAST(:days AS date[]))
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""")
                .setParameter("unit", unitId).setParameter("days", array(days)).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new HourlyArrivals(localDate(r[0]), (UUID) r[1],
                ((Number) r[2]).intValue(), ((Number) r[3]).longValue())).toList();
    }

    /** The mean desk time of the tickets finished at the unit on the given days, per service that served them. */
    public List<ServiceTime> serviceTimes(UUID unitId, Collection<LocalDate> days) {
        List<?> rows = em.createNativeQuery("""
                SELECT servicio_atencion_id, count(*),
                       avg(extract(epoch FROM hora_fin_atencion - coalesce(hora_llamado, hora_inicio_atencion)))
                FROM turnos
                WHERE unidad_id = :unit AND fecha = ANY (CAST(:days AS date[])) AND estado = 'FINALIZADO'
                  AND hora_fin_atencion IS NOT NULL AND coalesce(hora_llamado, hora_inicio_atencion) IS NOT NULL
                GROUP BY 1""")
                .setParameter("unit", unitId).setParameter("days", array(days)).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new ServiceTime((UUID) r[0], ((Number) r[1]).longValue(),
                Math.max(0, ((Number) r[2]).doubleValue()))).toList();
    }

    /**
     * The desks open per hour of the day at the given stations: the time their sessions were open in each hour
     * ({@code sesiones_estacion}, an open session counting until now), less their pauses
     * ({@code pausas_estacion}), divided by the hour. Hours without a session are absent.
     */
    public List<HourlyDesks> openDesks(Collection<UUID> stationIds, LocalDate day) {
        if (stationIds.isEmpty()) {
            return List.of();
        }
        OffsetDateTime from = day.atStartOfDay(QueueClock.ZONE).toOffsetDateTime();
        OffsetDateTime to = day.plusDays(1).atStartOfDay(QueueClock.ZONE).toOffsetDateTime();
        List<?> rows = em.createNativeQuery("""
                WITH horas AS (
                    SELECT h, (CAST(:day AS timestamp) + h * interval '1 hour') AT TIME ZONE 'America/Santiago' AS desde,
                              (CAST(:day AS timestamp) + (h + 1) * interval '1 hour') AT TIME ZONE 'America/Santiago' AS hasta
                    FROM generate_series(0, 23) h),
                sesiones AS (
                    SELECT id, inicio, coalesce(fin, CAST(:now AS timestamptz)) AS fin FROM sesiones_estacion
                    WHERE estacion_id = ANY (CAST(:stations AS uuid[])) AND inicio < CAST(:to AS timestamptz)
                      AND (fin IS NULL OR fin > CAST(:from AS timestamptz))),
                tramos AS (
                    SELECT inicio, fin, 1 AS signo FROM sesiones
                    UNION ALL
                    SELECT p.inicio, least(coalesce(p.fin, s.fin), s.fin), -1
                    FROM pausas_estacion p JOIN sesiones s ON s.id = p.sesion_id)
                SELECT h.h, sum(t.signo * extract(epoch FROM least(t.fin, h.hasta) - greatest(t.inicio, h.desde))) / 3600.0
                FROM horas h JOIN tramos t ON t.inicio < h.hasta AND t.fin > h.desde
                GROUP BY h.h ORDER BY h.h""")
                .setParameter("day", day.toString()).setParameter("stations", uuids(stationIds))
                .setParameter("now", clock.now().atOffset(ZoneOffset.UTC)).setParameter("from", from)
                .setParameter("to", to).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new HourlyDesks(((Number) r[0]).intValue(), Math.max(0, ((Number) r[1]).doubleValue())))
                .filter(d -> d.desks() > 0).toList();
    }

    /**
     * Where no session was recorded (tickets loaded from another system): the stations that called at least
     * one ticket of the unit in each hour of the day.
     */
    public List<HourlyDesks> callingDesks(UUID unitId, LocalDate day) {
        List<?> rows = em.createNativeQuery("""
                SELECT CAST(extract(hour FROM hora_llamado AT TIME ZONE 'America/Santiago') AS int),
                       count(DISTINCT estacion_id)
                FROM turnos WHERE unidad_id = :unit AND fecha = :day AND hora_llamado IS NOT NULL
                  AND estacion_id IS NOT NULL
                GROUP BY 1 ORDER BY 1""")
                .setParameter("unit", unitId).setParameter("day", day).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new HourlyDesks(((Number) r[0]).intValue(), ((Number) r[1]).doubleValue())).toList();
    }

    private static String array(Collection<LocalDate> days) {
        return days.stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static String uuids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static LocalDate localDate(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (LocalDate) value;
    }
}
