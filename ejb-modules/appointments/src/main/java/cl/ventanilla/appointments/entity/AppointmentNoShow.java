package cl.ventanilla.appointments.entity;

import java.time.Instant;
import java.util.UUID;

/** Fact: staff marked that the citizen did not come to a booking. Fired inside the marking's transaction. */
public record AppointmentNoShow(UUID appointmentId, UUID unitId, UUID serviceId, Instant start) {
}
