package cl.ventanilla.statistics.control;

import cl.ventanilla.statistics.entity.Histogram;
import cl.ventanilla.statistics.entity.Period;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Recomputes a period's aggregates from the records the queue and the appointments keep ({@code turnos},
 * {@code turno_eventos}, {@code agendamientos}), with the same SQL functions the live statements use, so the
 * rebuilt rows equal the live ones. Runs in the caller's transaction: readers see the old rows or the new.
 */
@Dependent
public class Rebuild {

    static final String DELETE_TICKETS = "DELETE FROM estadisticas_turnos WHERE fecha BETWEEN ? AND ?";

    static final String TICKETS = """
            INSERT INTO estadisticas_turnos (fecha, unidad_id, servicio_id, estacion_id, usuario_id, emitidos,
                   emitidos_preferenciales, emitidos_agendamiento, atendidos, atendidos_preferenciales,
                   atendidos_agendamiento, atendidos_dentro_sla, no_se_presento, transferidos, transferidos_entrantes,
                   espera_total_seg, espera_preferencial_seg, espera_agendamiento_seg, espera_maxima_seg,
                   atencion_total_seg, histograma_espera, histograma_espera_preferencial, histograma_atencion)
            SELECT fecha, unidad_id, servicio_id, estacion_id, usuario_id, sum(emitido), sum(emitido * p),
                   sum(emitido * a), sum(atendido), sum(atendido * p), sum(atendido * a), sum(sla), sum(no_show),
                   sum(salida), sum(entrada), coalesce(sum(w), 0), coalesce(sum(w * p), 0), coalesce(sum(w * a), 0),
                   coalesce(max(w), 0), coalesce(sum(s), 0),
                   estadistica_contar(array_agg(estadistica_cubeta(w)) FILTER (WHERE w IS NOT NULL)),
                   estadistica_contar(array_agg(estadistica_cubeta(w)) FILTER (WHERE w IS NOT NULL AND p = 1)),
                   estadistica_contar(array_agg(estadistica_cubeta(s)) FILTER (WHERE s IS NOT NULL))
            FROM (
                SELECT t.fecha, t.unidad_id, t.servicio_id, NULL::uuid AS estacion_id, NULL::uuid AS usuario_id,
                       1 AS emitido, t.preferencial::int AS p, (t.origen = 'AGENDAMIENTO')::int AS a, 0 AS atendido,
                       0 AS sla, 0 AS no_show, 0 AS salida, 0 AS entrada, NULL::int AS w, NULL::int AS s
                FROM turnos t WHERE t.fecha BETWEEN ? AND ?
              UNION ALL
                SELECT f.fecha, f.unidad_id, f.servicio_atencion_id, f.estacion_id,
                       estadistica_operador(f.estacion_id, f.hora_fin_atencion), 0, f.preferencial::int,
                       (f.origen = 'AGENDAMIENTO')::int, 1,
                       coalesce((f.w <= estadistica_sla_seg(f.servicio_atencion_id))::int, 0), 0, 0, 0, f.w, f.s
                FROM (SELECT t.*, coalesce(estadistica_segundos(t.hora_ingreso_cola, t.hora_llamado), 0) AS w,
                             coalesce(estadistica_segundos(t.hora_inicio_atencion, t.hora_fin_atencion), 0) AS s
                      FROM turnos t WHERE t.estado = 'FINALIZADO' AND t.fecha BETWEEN ? AND ?) f
              UNION ALL
                SELECT t.fecha, t.unidad_id, e.servicio_id, e.estacion_id, estadistica_operador(e.estacion_id, e.fecha_hora),
                       0, 0, 0, 0, 0, 1, 0, 0, NULL, NULL
                FROM turno_eventos e JOIN turnos t ON t.id = e.turno_id
                WHERE e.tipo = 'NO_SE_PRESENTO' AND t.fecha BETWEEN ? AND ?
              UNION ALL
                SELECT t.fecha, t.unidad_id, e.servicio_id, e.estacion_id, estadistica_operador(e.estacion_id, e.fecha_hora),
                       0, 0, 0, 0, 0, 0, 1, 0, NULL, NULL
                FROM turno_eventos e JOIN turnos t ON t.id = e.turno_id
                WHERE e.tipo = 'TRANSFERIDO' AND t.fecha BETWEEN ? AND ?
              UNION ALL
                SELECT t.fecha, t.unidad_id, e.servicio_destino_id, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, 1, NULL, NULL
                FROM turno_eventos e JOIN turnos t ON t.id = e.turno_id
                WHERE e.tipo = 'TRANSFERIDO' AND t.fecha BETWEEN ? AND ?
            ) hechos
            GROUP BY fecha, unidad_id, servicio_id, estacion_id, usuario_id""";

    static final String DELETE_SERVICE_DAYS = "DELETE FROM estadisticas WHERE fecha BETWEEN ? AND ?";

    /** Each service's day: the sum of its fine rows. */
    static final String SERVICE_DAYS = sumOfFineRows("estadisticas", "unidad_id, servicio_id");

    static final String DELETE_STATION_DAYS = "DELETE FROM estadisticas_estaciones WHERE fecha BETWEEN ? AND ?";

    /** Each station's and operator's day: the sum of its fine rows over the services. */
    static final String STATION_DAYS = sumOfFineRows("estadisticas_estaciones", "unidad_id, estacion_id, usuario_id");

    /** The rows of a coarser aggregate, keyed by the day and {@code keys}: the sums of the fine rows they hold. */
    private static String sumOfFineRows(String table, String keys) {
        return "INSERT INTO " + table + " (fecha, " + keys + """
                , emitidos, emitidos_preferenciales,
                       emitidos_agendamiento, atendidos, atendidos_preferenciales, atendidos_agendamiento,
                       atendidos_dentro_sla, no_se_presento, transferidos, transferidos_entrantes, espera_total_seg,
                       espera_preferencial_seg, espera_agendamiento_seg, espera_maxima_seg, atencion_total_seg,
                       histograma_espera, histograma_espera_preferencial, histograma_atencion)
                SELECT fecha, """ + keys + """
                , sum(emitidos), sum(emitidos_preferenciales),
                       sum(emitidos_agendamiento), sum(atendidos), sum(atendidos_preferenciales),
                       sum(atendidos_agendamiento), sum(atendidos_dentro_sla), sum(no_se_presento), sum(transferidos),
                       sum(transferidos_entrantes), sum(espera_total_seg), sum(espera_preferencial_seg),
                       sum(espera_agendamiento_seg), max(espera_maxima_seg), sum(atencion_total_seg), """
                + Histogram.sumSql("histograma_espera") + ", " + Histogram.sumSql("histograma_espera_preferencial") + ", "
                + Histogram.sumSql("histograma_atencion") + """

                FROM estadisticas_turnos WHERE fecha BETWEEN ? AND ?
                GROUP BY fecha, """ + keys;
    }

    static final String BOOKINGS = """
            INSERT INTO estadisticas (unidad_id, servicio_id, fecha, agendamientos_reservados, agendamientos_atendidos,
                   agendamientos_no_se_presento, agendamientos_cancelados)
            SELECT unidad_id, servicio_id, CAST(fecha_hora_inicio AT TIME ZONE 'America/Santiago' AS date),
                   count(*) FILTER (WHERE estado <> 'REPROGRAMADO'),
                   count(*) FILTER (WHERE estado IN ('PRESENTADO', 'ATENDIDO')),
                   count(*) FILTER (WHERE estado = 'NO_SE_PRESENTO'),
                   count(*) FILTER (WHERE estado = 'CANCELADO')
            FROM agendamientos
            WHERE fecha_hora_inicio >= CAST(? AS timestamp) AT TIME ZONE 'America/Santiago'
              AND fecha_hora_inicio < CAST(? AS timestamp) AT TIME ZONE 'America/Santiago'
            GROUP BY 1, 2, 3
            ON CONFLICT (servicio_id, fecha) DO UPDATE SET
                agendamientos_reservados = EXCLUDED.agendamientos_reservados,
                agendamientos_atendidos = EXCLUDED.agendamientos_atendidos,
                agendamientos_no_se_presento = EXCLUDED.agendamientos_no_se_presento,
                agendamientos_cancelados = EXCLUDED.agendamientos_cancelados""";

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    /** What a rebuild wrote: fine rows of tickets, and service days with bookings. */
    public record Result(int ticketRows, int bookingRows) {
    }

    public Result run(Period period) {
        try (Connection c = dataSource.getConnection()) {
            return run(c, period);
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudo reconstruir las estadísticas de " + period, e);
        }
    }

    /** The rebuild on a given connection, in its transaction (also the generator's, which has no container). */
    public static Result run(Connection c, Period period) throws SQLException {
        update(c, DELETE_TICKETS, period, 1);
        int tickets = update(c, TICKETS, period, 5);
        update(c, DELETE_SERVICE_DAYS, period, 1);
        update(c, SERVICE_DAYS, period, 1);
        update(c, DELETE_STATION_DAYS, period, 1);
        update(c, STATION_DAYS, period, 1);
        try (PreparedStatement insert = c.prepareStatement(BOOKINGS)) {
            insert.setString(1, period.from().toString());
            insert.setString(2, period.to().plusDays(1).toString());
            return new Result(tickets, insert.executeUpdate());
        }
    }

    /** Runs a statement whose parameters are the period's first and last day, {@code times} times over. */
    private static int update(Connection c, String sql, Period period, int times) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < times; i++) {
                statement.setObject(2 * i + 1, period.from());
                statement.setObject(2 * i + 2, period.to());
            }
            return statement.executeUpdate();
        }
    }
}
