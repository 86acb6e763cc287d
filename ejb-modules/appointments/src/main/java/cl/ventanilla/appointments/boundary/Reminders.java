package cl.ventanilla.appointments.boundary;

import cl.ventanilla.appointments.control.AppointmentClock;
import cl.ventanilla.appointments.control.AppointmentSettings;
import cl.ventanilla.appointments.control.AppointmentSettings.ServiceInfo;
import cl.ventanilla.appointments.control.BookingViews;
import cl.ventanilla.appointments.entity.Appointment;
import cl.ventanilla.appointments.entity.AppointmentReminderDue;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reminders of upcoming appointments: every CONFIRMADO booking that enters its reminder window
 * ({@code agendamiento.recordatorio_horas_antes} hours before it starts, 24 by default) is stamped and
 * announced with {@link AppointmentReminderDue} exactly once, however many instances scan at the same
 * moment: the stamp is one UPDATE over rows taken with {@code FOR UPDATE SKIP LOCKED}, and the event
 * is fired in its transaction.
 */
@Stateless
public class Reminders {

    /** Most bookings stamped per call; the next minute takes the rest. */
    static final int BATCH = 500;

    @PersistenceContext(unitName = "appointments")
    EntityManager em;

    @Inject
    AppointmentSettings settings;

    @Inject
    AppointmentClock clock;

    @Inject
    Event<AppointmentReminderDue> reminderDue;

    /**
     * Stamps and announces the bookings whose reminder is due; returns how many this call took. A booking
     * made inside its own reminder window gets none: its confirmation, just sent, says the same.
     */
    public int sendDue() {
        Instant now = clock.now();
        Instant until = now.plus(settings.reminderHoursBefore(), ChronoUnit.HOURS);
        List<UUID> stamped = em.createNativeQuery("""
                UPDATE agendamientos SET recordatorio_enviado_en = :now, ultima_actualizacion = :now, version = version + 1
                WHERE id IN (SELECT id FROM agendamientos
                             WHERE estado = 'CONFIRMADO' AND recordatorio_enviado_en IS NULL
                             AND fecha_hora_inicio > :now AND fecha_hora_inicio <= :until
                             AND fecha_creacion <= fecha_hora_inicio - make_interval(hours => :hours)
                             ORDER BY fecha_hora_inicio LIMIT :batch
                             FOR UPDATE SKIP LOCKED)
                AND estado = 'CONFIRMADO' AND recordatorio_enviado_en IS NULL
                RETURNING id""", UUID.class)
                .setParameter("now", now).setParameter("until", until).setParameter("batch", BATCH)
                .setParameter("hours", settings.reminderHoursBefore())
                .getResultList().stream().map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString())).toList();
        if (stamped.isEmpty()) {
            return 0;
        }
        List<Appointment> appointments = em.createQuery("SELECT a FROM Appointment a WHERE a.id IN :ids ORDER BY a.start",
                Appointment.class).setParameter("ids", stamped).getResultList();
        Map<UUID, ServiceInfo> services = new HashMap<>();
        for (Appointment appointment : appointments) {
            ServiceInfo service = services.computeIfAbsent(appointment.getServiceId(), settings::service);
            reminderDue.fire(new AppointmentReminderDue(BookingViews.summary(appointment, service)));
        }
        return appointments.size();
    }
}
