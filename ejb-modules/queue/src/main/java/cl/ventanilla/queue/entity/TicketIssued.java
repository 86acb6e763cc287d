package cl.ventanilla.queue.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A ticket came out of the kiosk. Like every queue event it is fired after the change, inside the
 * transaction: observers that must act only after commit use {@code during = AFTER_SUCCESS}. No queue
 * event carries personal data.
 */
public record TicketIssued(UUID ticketId, UUID unitId, UUID serviceId, String number, String spokenNumber,
        boolean preferential, int peopleAhead, Instant at, LocalDate day, boolean appointment,
        Instant appointmentAt) {

    public static TicketIssued of(Ticket ticket, int peopleAhead, Instant at) {
        return new TicketIssued(ticket.getId(), ticket.getUnitId(), ticket.getServiceId(), ticket.getNumber(),
                ticket.getSpokenNumber(), ticket.isPreferential(), peopleAhead, at, ticket.getDay(), ticket.isAppointment(),
                ticket.getAppointmentAt());
    }
}
