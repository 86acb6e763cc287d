package cl.ventanilla.appointments.entity;

/** Fact: a citizen booked a slot. Fired inside the booking's transaction (an observer's write commits with it). */
public record AppointmentBooked(AppointmentSummary appointment) {
}
