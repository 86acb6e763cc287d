package cl.ventanilla.statistics.control;

import cl.ventanilla.queue.entity.TicketFinished;
import cl.ventanilla.queue.entity.TicketIssued;
import cl.ventanilla.queue.entity.TicketNoShow;
import cl.ventanilla.queue.entity.TicketTransferred;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The queue's facts into the aggregates: one statement per fact, synchronously inside the fact's transaction
 * (the queue fires its events there, like the appointments do for the mail), that adds the fact to its row of
 * {@code estadisticas_turnos} (service, station, operator, day), to its service's row of the day in
 * {@code estadisticas} and to its station's and operator's row of the day in {@code estadisticas_estaciones}.
 * Issues count against the issuing service without a station; attentions, no-shows and transfers against the
 * station and the operator seated at it ({@code estadistica_operador}); a check-in also counts its booking as
 * kept.
 */
@ApplicationScoped
public class TicketFacts {

    private static final List<String> ISSUE = List.of("emitidos", "emitidos_preferenciales", "emitidos_agendamiento");

    private static final List<String> ATTENTION = List.of("atendidos", "atendidos_preferenciales",
            "atendidos_agendamiento", "atendidos_dentro_sla", "espera_total_seg", "espera_preferencial_seg",
            "espera_agendamiento_seg", "espera_maxima_seg", "atencion_total_seg", "histograma_espera",
            "histograma_espera_preferencial", "histograma_atencion");

    private static final List<String> TRANSFER = List.of("transferidos", "transferidos_entrantes");

    /** An issue; a check-in's (k = 1) also counts the booking kept, on the same day's service row. */
    static final String ISSUED = statement("""
            SELECT CAST(? AS date) AS fecha, CAST(? AS uuid) AS unidad_id, CAST(? AS uuid) AS servicio_id,
                   CAST(NULL AS uuid) AS estacion_id, CAST(NULL AS uuid) AS usuario_id, 1 AS emitidos,
                   CAST(? AS int) AS emitidos_preferenciales, CAST(? AS int) AS emitidos_agendamiento,
                   CAST(? AS int) AS agendamientos_atendidos""", ISSUE, List.of("agendamientos_atendidos"), false);

    static final String FINISHED = statement("""
            SELECT x.fecha, x.unidad_id, x.servicio_id, x.estacion_id, estadistica_operador(x.estacion_id, x.fin)
                   AS usuario_id, 1 AS atendidos, x.p::int AS atendidos_preferenciales,
                   x.a::int AS atendidos_agendamiento,
                   coalesce((x.w <= estadistica_sla_seg(x.servicio_id))::int, 0) AS atendidos_dentro_sla,
                   x.w AS espera_total_seg, CASE WHEN x.p THEN x.w ELSE 0 END AS espera_preferencial_seg,
                   CASE WHEN x.a THEN x.w ELSE 0 END AS espera_agendamiento_seg, x.w AS espera_maxima_seg,
                   x.s AS atencion_total_seg, estadistica_histograma(x.w) AS histograma_espera,
                   estadistica_histograma(CASE WHEN x.p THEN x.w END) AS histograma_espera_preferencial,
                   estadistica_histograma(x.s) AS histograma_atencion
            FROM (SELECT CAST(? AS date) AS fecha, CAST(? AS uuid) AS unidad_id, CAST(? AS uuid) AS servicio_id,
                         CAST(? AS uuid) AS estacion_id, CAST(? AS timestamptz) AS fin, CAST(? AS boolean) AS p,
                         CAST(? AS boolean) AS a,
                         coalesce(estadistica_segundos(CAST(? AS timestamptz), CAST(? AS timestamptz)), 0) AS w,
                         coalesce(estadistica_segundos(CAST(? AS timestamptz), CAST(? AS timestamptz)), 0) AS s) x""",
            ATTENTION, List.of(), false);

    static final String NO_SHOW = statement("""
            SELECT CAST(? AS date) AS fecha, CAST(? AS uuid) AS unidad_id, CAST(? AS uuid) AS servicio_id,
                   CAST(? AS uuid) AS estacion_id,
                   estadistica_operador(CAST(? AS uuid), CAST(? AS timestamptz)) AS usuario_id, 1 AS no_se_presento""",
            List.of("no_se_presento"), List.of(), false);

    /** Out of the source service at the station, into the target service's queue (no station). */
    static final String TRANSFERRED = statement("""
            SELECT CAST(? AS date) AS fecha, CAST(? AS uuid) AS unidad_id, CAST(? AS uuid) AS servicio_id,
                   CAST(? AS uuid) AS estacion_id,
                   estadistica_operador(CAST(? AS uuid), CAST(? AS timestamptz)) AS usuario_id, 1 AS transferidos,
                   0 AS transferidos_entrantes
            UNION ALL
            SELECT CAST(? AS date), CAST(? AS uuid), CAST(? AS uuid), NULL, NULL, 0, 1""", TRANSFER, List.of(), true);

    /**
     * The statement of a fact: {@code x} gives its row(s) with the key and the columns' amounts; they are added
     * to the fine row, to the service's row of the day and to the station's and operator's row of the day.
     *
     * @param onlyRollUp columns that only the service's row has (the bookings' counters)
     * @param grouped    whether x may give several rows of one key (counters only: they are summed first)
     */
    private static String statement(String x, List<String> columns, List<String> onlyRollUp, boolean grouped) {
        List<String> rollUp = new java.util.ArrayList<>(columns);
        rollUp.addAll(onlyRollUp);
        String fine = "fecha, unidad_id, servicio_id, estacion_id, usuario_id";
        String service = "fecha, unidad_id, servicio_id";
        String station = "fecha, unidad_id, estacion_id, usuario_id";
        return "WITH x AS (" + x + "), servicio AS (INSERT INTO estadisticas AS e (" + service + ", "
                + String.join(", ", rollUp) + ") SELECT " + service + ", " + values(rollUp, grouped) + " FROM x"
                + (grouped ? " GROUP BY " + service : "") + " ON CONFLICT (servicio_id, fecha) DO UPDATE SET "
                + set(rollUp) + ", version = e.version + 1), estacion AS (INSERT INTO estadisticas_estaciones AS e ("
                + station + ", " + String.join(", ", columns) + ") SELECT " + station + ", "
                + values(columns, grouped) + " FROM x" + (grouped ? " GROUP BY " + station : "") + " ON CONFLICT ("
                + station + ") DO UPDATE SET " + set(columns) + ") INSERT INTO estadisticas_turnos AS e (" + fine
                + ", " + String.join(", ", columns) + ") SELECT " + fine + ", " + values(columns, grouped) + " FROM x"
                + (grouped ? " GROUP BY " + fine : "") + " ON CONFLICT (" + fine + ") DO UPDATE SET " + set(columns);
    }

    private static String values(List<String> columns, boolean grouped) {
        return grouped ? columns.stream().map(c -> "sum(" + c + ")").collect(Collectors.joining(", "))
                : String.join(", ", columns);
    }

    /**
     * Adds the new amounts to the row's: the maximum wait is a maximum; a histogram gets one more in the bucket
     * of the attention's wait or service time (histograms come only with one attention, whose wait and service
     * seconds are then the new row's sums): a subscript update, not an element-wise sum of two arrays.
     */
    private static String set(List<String> columns) {
        return columns.stream().map(c -> switch (c) {
            case "histograma_espera" -> bucket(c, "espera_total_seg", "1");
            case "histograma_espera_preferencial" -> bucket(c, "espera_total_seg", "EXCLUDED.atendidos_preferenciales");
            case "histograma_atencion" -> bucket(c, "atencion_total_seg", "1");
            case "espera_maxima_seg" -> c + " = greatest(e." + c + ", EXCLUDED." + c + ")";
            default -> c + " = e." + c + " + EXCLUDED." + c;
        }).collect(Collectors.joining(", ")) + ", ultima_actualizacion = now()";
    }

    private static String bucket(String histogram, String seconds, String count) {
        String at = "[estadistica_cubeta(CAST(EXCLUDED." + seconds + " AS int))]";
        return histogram + at + " = e." + histogram + at + " + " + count;
    }

    @Inject
    FactWriter writer;

    void issued(@Observes TicketIssued t) {
        // a check-in counts its booking as kept on the booking's day: the ticket's day but near midnight
        boolean keptToday = t.appointment() && t.appointmentAt() != null
                && AppointmentFacts.dayOf(t.appointmentAt()).equals(t.day());
        writer.write("turno emitido", ISSUED, t.day(), t.unitId(), t.serviceId(), t.preferential() ? 1 : 0,
                t.appointment() ? 1 : 0, keptToday ? 1 : 0);
        if (t.appointment() && t.appointmentAt() != null && !keptToday) {
            writer.write("reserva asistida", AppointmentFacts.KEPT, t.unitId(), t.serviceId(),
                    AppointmentFacts.dayOf(t.appointmentAt()), 1);
        }
    }

    void finished(@Observes TicketFinished t) {
        writer.write("turno atendido", FINISHED, t.day(), t.unitId(), t.serviceId(), t.stationId(), t.at(),
                t.preferential(), t.appointment(), t.queuedAt(), t.calledAt(), t.startedAt(), t.at());
    }

    void noShow(@Observes TicketNoShow t) {
        writer.write("turno no se presentó", NO_SHOW, t.day(), t.unitId(), t.serviceId(), t.stationId(),
                t.stationId(), t.at());
    }

    void transferred(@Observes TicketTransferred t) {
        writer.write("turno transferido", TRANSFERRED, t.day(), t.unitId(), t.fromServiceId(), t.stationId(),
                t.stationId(), t.at(), t.day(), t.unitId(), t.toServiceId());
    }
}
