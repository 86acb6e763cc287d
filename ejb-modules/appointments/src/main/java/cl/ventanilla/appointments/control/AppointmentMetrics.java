package cl.ventanilla.appointments.control;

import cl.ventanilla.appointments.entity.AppointmentBooked;
import cl.ventanilla.appointments.entity.AppointmentCancelled;
import cl.ventanilla.appointments.entity.AppointmentRescheduled;
import cl.ventanilla.appointments.entity.AppointmentSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Bookings made, moved and cancelled on {@code /metrics}, per unit and service (tags {@code unit} and
 * {@code service}, the names the municipality gives them) and, for cancellations, by whom
 * ({@code by}: CIUDADANO, FUNCIONARIO, CIERRE, SISTEMA). Counted from the domain's events once they
 * are committed, in memory; each instance counts its own and Prometheus sums them. A service's
 * counter appears with its first booking on the instance.
 */
@ApplicationScoped
public class AppointmentMetrics {

    private static final Metadata BOOKED = Metadata.builder().withName("ventanilla.bookings.made")
            .withDescription("Horas reservadas por la ciudadanía").build();
    private static final Metadata RESCHEDULED = Metadata.builder().withName("ventanilla.bookings.rescheduled")
            .withDescription("Reservas cambiadas a otra hora").build();
    private static final Metadata CANCELLED = Metadata.builder().withName("ventanilla.bookings.cancelled")
            .withDescription("Reservas anuladas, por quién").build();

    @Inject
    MetricRegistry registry;

    void booked(@Observes(during = TransactionPhase.AFTER_SUCCESS) AppointmentBooked event) {
        registry.counter(BOOKED, tags(event.appointment())).inc();
    }

    void rescheduled(@Observes(during = TransactionPhase.AFTER_SUCCESS) AppointmentRescheduled event) {
        registry.counter(RESCHEDULED, tags(event.current())).inc();
    }

    void cancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) AppointmentCancelled event) {
        Tag[] tags = tags(event.appointment());
        registry.counter(CANCELLED, tags[0], tags[1], new Tag("by", event.by().column())).inc();
    }

    private static Tag[] tags(AppointmentSummary appointment) {
        return new Tag[] {new Tag("unit", appointment.unitName()), new Tag("service", appointment.serviceName())};
    }
}
