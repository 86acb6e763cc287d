package cl.ventanilla.appointments;

import cl.ventanilla.appointments.entity.AppointmentBooked;
import cl.ventanilla.appointments.entity.AppointmentCancelled;
import cl.ventanilla.appointments.entity.AppointmentReminderDue;
import cl.ventanilla.appointments.entity.AppointmentRescheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the notifications in the integration test: keeps what the appointments announced. */
@ApplicationScoped
public class RecordedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    void booked(@Observes AppointmentBooked event) {
        events.add(event);
    }

    void rescheduled(@Observes AppointmentRescheduled event) {
        events.add(event);
    }

    void cancelled(@Observes AppointmentCancelled event) {
        events.add(event);
    }

    void reminder(@Observes AppointmentReminderDue event) {
        events.add(event);
    }

    public List<AppointmentBooked> bookingsOf(UUID id) {
        return events.stream().filter(e -> e instanceof AppointmentBooked b && b.appointment().id().equals(id))
                .map(AppointmentBooked.class::cast).toList();
    }

    public List<AppointmentRescheduled> movesOf(UUID previousId) {
        return events.stream()
                .filter(e -> e instanceof AppointmentRescheduled r && r.previous().id().equals(previousId))
                .map(AppointmentRescheduled.class::cast).toList();
    }

    public List<AppointmentCancelled> cancellationsOf(UUID id) {
        return events.stream().filter(e -> e instanceof AppointmentCancelled c && c.appointment().id().equals(id))
                .map(AppointmentCancelled.class::cast).toList();
    }

    public List<AppointmentReminderDue> remindersOf(UUID id) {
        return events.stream().filter(e -> e instanceof AppointmentReminderDue r && r.appointment().id().equals(id))
                .map(AppointmentReminderDue.class::cast).toList();
    }
}
