package cl.ventanilla.statistics.control;

import cl.ventanilla.appointments.entity.AppointmentBooked;
import cl.ventanilla.appointments.entity.AppointmentCancelled;
import cl.ventanilla.appointments.entity.AppointmentNoShow;
import cl.ventanilla.appointments.entity.AppointmentRescheduled;
import cl.ventanilla.appointments.entity.AppointmentSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The bookings' facts into {@code estadisticas}, per service and day of the booked hour (America/Santiago):
 * booked, kept (the kiosk's check-in, observed in {@link TicketFacts}), no-show and cancelled. A booking moved
 * to another hour leaves its old day's count and enters the new one, so "booked" counts the bookings that
 * stayed on a day, as the rebuild does ({@code estado <> 'REPROGRAMADO'}).
 */
@ApplicationScoped
public class AppointmentFacts {

    public static final ZoneId ZONE = ZoneId.of("America/Santiago");

    /** The upsert that adds to one of the booking counters; its parameters: unit, service, day, amount. */
    static String upsert(String column) {
        return "INSERT INTO estadisticas AS s (unidad_id, servicio_id, fecha, " + column + ") VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (servicio_id, fecha) DO UPDATE SET " + column + " = s." + column + " + EXCLUDED."
                + column + ", version = s.version + 1, ultima_actualizacion = now()";
    }

    static final String BOOKED = upsert("agendamientos_reservados");
    static final String CANCELLED = upsert("agendamientos_cancelados");
    static final String NO_SHOW = upsert("agendamientos_no_se_presento");
    static final String KEPT = upsert("agendamientos_atendidos");

    /** The previous day loses the booking (never below zero), the new day gains it: one statement. */
    static final String MOVED = """
            WITH sale AS (UPDATE estadisticas SET agendamientos_reservados = greatest(agendamientos_reservados - 1, 0),
                                 version = version + 1, ultima_actualizacion = now()
                          WHERE servicio_id = ? AND fecha = ?) """ + BOOKED;

    @Inject
    FactWriter writer;

    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    void booked(@Observes AppointmentBooked booked) {
        add("reserva", BOOKED, booked.appointment());
    }

    void cancelled(@Observes AppointmentCancelled cancelled) {
        add("cancelación", CANCELLED, cancelled.appointment());
    }

    void noShow(@Observes AppointmentNoShow noShow) {
        if (noShow.unitId() != null && noShow.serviceId() != null) {
            writer.write("inasistencia a una reserva", NO_SHOW, noShow.unitId(), noShow.serviceId(),
                    dayOf(noShow.start()), 1);
        }
    }

    void rescheduled(@Observes AppointmentRescheduled moved) {
        AppointmentSummary before = moved.previous();
        AppointmentSummary after = moved.current();
        if (!known(before) || !known(after)) {
            return;
        }
        if (Objects.equals(before.serviceId(), after.serviceId()) && dayOf(before.start()).equals(dayOf(after.start()))) {
            return; // the same day and service: its count does not change
        }
        writer.write("reprogramación", MOVED, before.serviceId(), dayOf(before.start()), after.unitId(),
                after.serviceId(), dayOf(after.start()), 1);
    }

    private void add(String fact, String sql, AppointmentSummary a) {
        if (known(a)) {
            writer.write(fact, sql, a.unitId(), a.serviceId(), dayOf(a.start()), 1);
        }
    }

    /** Facts made up without the ids (older callers, tests of other domains) are not counted. */
    private static boolean known(AppointmentSummary a) {
        return a != null && a.unitId() != null && a.serviceId() != null && a.start() != null;
    }
}
