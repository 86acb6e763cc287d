package cl.ventanilla.appointments.entity;

/**
 * Fact: a confirmed booking entered its reminder window. Fired exactly once per booking, in the same
 * transaction that stamps agendamientos.recordatorio_enviado_en, however many instances scan at once.
 */
public record AppointmentReminderDue(AppointmentSummary appointment) {
}
