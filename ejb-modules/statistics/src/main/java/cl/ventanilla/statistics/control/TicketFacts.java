package cl.ventanilla.statistics.control;

import cl.ventanilla.queue.entity.TicketFinished;
import cl.ventanilla.queue.entity.TicketIssued;
import cl.ventanilla.queue.entity.TicketNoShow;
import cl.ventanilla.queue.entity.TicketTransferred;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * The queue's facts into {@code estadisticas_turnos}: one upsert per fact, synchronously inside the fact's
 * transaction (the queue fires its events there, like the appointments do for the mail). Issues count
 * against the issuing service without a station; attentions, no-shows and transfers against the station
 * and the operator seated at it ({@code estadistica_operador}); a check-in also counts its booking as kept.
 */
@ApplicationScoped
public class TicketFacts {

    static final String KEY = " ON CONFLICT (fecha, unidad_id, servicio_id, estacion_id, usuario_id) DO UPDATE SET ";

    static final String ISSUED = """
            INSERT INTO estadisticas_turnos AS e (fecha, unidad_id, servicio_id, emitidos, emitidos_preferenciales,
                   emitidos_agendamiento)
            VALUES (?, ?, ?, 1, ?, ?)""" + KEY + """
            emitidos = e.emitidos + 1,
            emitidos_preferenciales = e.emitidos_preferenciales + EXCLUDED.emitidos_preferenciales,
            emitidos_agendamiento = e.emitidos_agendamiento + EXCLUDED.emitidos_agendamiento,
            ultima_actualizacion = now()""";

    /** A check-in: the ticket's issue and, in the same statement, the booking kept on its day. */
    static final String CHECKED_IN = "WITH asistido AS (" + AppointmentFacts.upsert("agendamientos_atendidos")
            + ") " + ISSUED;

    static final String FINISHED = """
            INSERT INTO estadisticas_turnos AS e (fecha, unidad_id, servicio_id, estacion_id, usuario_id, atendidos,
                   atendidos_preferenciales, atendidos_agendamiento, atendidos_dentro_sla, espera_total_seg,
                   espera_preferencial_seg, espera_agendamiento_seg, espera_maxima_seg, atencion_total_seg,
                   histograma_espera, histograma_espera_preferencial, histograma_atencion)
            SELECT x.fecha, x.unidad, x.servicio, x.estacion, estadistica_operador(x.estacion, x.fin), 1, x.p::int,
                   x.a::int, coalesce((x.w <= estadistica_sla_seg(x.servicio))::int, 0), x.w,
                   CASE WHEN x.p THEN x.w ELSE 0 END, CASE WHEN x.a THEN x.w ELSE 0 END, x.w, x.s,
                   estadistica_histograma(x.w), estadistica_histograma(CASE WHEN x.p THEN x.w END),
                   estadistica_histograma(x.s)
            FROM (SELECT CAST(? AS date) AS fecha, CAST(? AS uuid) AS unidad, CAST(? AS uuid) AS servicio,
                         CAST(? AS uuid) AS estacion, CAST(? AS timestamptz) AS fin, CAST(? AS boolean) AS p,
                         CAST(? AS boolean) AS a,
                         coalesce(estadistica_segundos(CAST(? AS timestamptz), CAST(? AS timestamptz)), 0) AS w,
                         coalesce(estadistica_segundos(CAST(? AS timestamptz), CAST(? AS timestamptz)), 0) AS s) x
            """ + KEY + """
            atendidos = e.atendidos + 1,
            atendidos_preferenciales = e.atendidos_preferenciales + EXCLUDED.atendidos_preferenciales,
            atendidos_agendamiento = e.atendidos_agendamiento + EXCLUDED.atendidos_agendamiento,
            atendidos_dentro_sla = e.atendidos_dentro_sla + EXCLUDED.atendidos_dentro_sla,
            espera_total_seg = e.espera_total_seg + EXCLUDED.espera_total_seg,
            espera_preferencial_seg = e.espera_preferencial_seg + EXCLUDED.espera_preferencial_seg,
            espera_agendamiento_seg = e.espera_agendamiento_seg + EXCLUDED.espera_agendamiento_seg,
            espera_maxima_seg = greatest(e.espera_maxima_seg, EXCLUDED.espera_maxima_seg),
            atencion_total_seg = e.atencion_total_seg + EXCLUDED.atencion_total_seg,
            histograma_espera = estadistica_sumar(e.histograma_espera, EXCLUDED.histograma_espera),
            histograma_espera_preferencial = estadistica_sumar(e.histograma_espera_preferencial,
                    EXCLUDED.histograma_espera_preferencial),
            histograma_atencion = estadistica_sumar(e.histograma_atencion, EXCLUDED.histograma_atencion),
            ultima_actualizacion = now()""";

    static final String NO_SHOW = """
            INSERT INTO estadisticas_turnos AS e (fecha, unidad_id, servicio_id, estacion_id, usuario_id, no_se_presento)
            VALUES (?, ?, ?, ?, estadistica_operador(CAST(? AS uuid), CAST(? AS timestamptz)), 1)""" + KEY + """
            no_se_presento = e.no_se_presento + 1, ultima_actualizacion = now()""";

    private static final String TRANSFER_SET = KEY + """
            transferidos = e.transferidos + EXCLUDED.transferidos,
            transferidos_entrantes = e.transferidos_entrantes + EXCLUDED.transferidos_entrantes,
            ultima_actualizacion = now()""";

    /** Out of the source service at the station, into the target service's queue (no station): two rows. */
    static final String TRANSFERRED = """
            INSERT INTO estadisticas_turnos AS e (fecha, unidad_id, servicio_id, estacion_id, usuario_id, transferidos,
                   transferidos_entrantes)
            VALUES (?, ?, ?, ?, estadistica_operador(CAST(? AS uuid), CAST(? AS timestamptz)), 1, 0),
                   (?, ?, ?, NULL, NULL, 0, 1)""" + TRANSFER_SET;

    /** Both rows have the same key (no station, same service): one row with both counts. */
    static final String TRANSFERRED_IN_PLACE = """
            INSERT INTO estadisticas_turnos AS e (fecha, unidad_id, servicio_id, estacion_id, usuario_id, transferidos,
                   transferidos_entrantes)
            VALUES (?, ?, ?, NULL, NULL, 1, 1)""" + TRANSFER_SET;

    @Inject
    FactWriter writer;

    void issued(@Observes TicketIssued t) {
        if (t.appointment() && t.appointmentAt() != null) {
            writer.write("turno emitido (check-in)", CHECKED_IN, t.unitId(), t.serviceId(),
                    AppointmentFacts.dayOf(t.appointmentAt()), 1, t.day(), t.unitId(), t.serviceId(), t.preferential() ? 1 : 0, 1);
        } else {
            writer.write("turno emitido", ISSUED, t.day(), t.unitId(), t.serviceId(), t.preferential() ? 1 : 0,
                    t.appointment() ? 1 : 0);
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
        if (t.stationId() == null && Objects.equals(t.fromServiceId(), t.toServiceId())) {
            writer.write("turno transferido", TRANSFERRED_IN_PLACE, t.day(), t.unitId(), t.fromServiceId());
        } else {
            writer.write("turno transferido", TRANSFERRED, t.day(), t.unitId(), t.fromServiceId(), t.stationId(),
                    t.stationId(), t.at(), t.day(), t.unitId(), t.toServiceId());
        }
    }
}
