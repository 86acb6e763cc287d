package cl.ventanilla.appointments.entity;

/**
 * Fact: a booking moved to another slot in one step. {@code previous} is the released booking (now
 * REPROGRAMADO), {@code current} the new one, with its own code.
 */
public record AppointmentRescheduled(AppointmentSummary previous, AppointmentSummary current) {
}
