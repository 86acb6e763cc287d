package cl.ventanilla.appointments.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * What other domains need to know of a booking to tell the citizen about it (the notifications domain
 * writes the emails from this alone): a snapshot taken when the fact happened.
 *
 * @param id           the booking
 * @param code         the booking code the citizen manages it with (also in the QR)
 * @param citizenName  whom to greet
 * @param email        where to write
 * @param language     {@code es} or {@code en}, as the citizen booked
 * @param serviceName  the municipal service
 * @param requirements what to bring (may be null)
 * @param unitName     the office
 * @param unitAddress  where it is (may be null)
 * @param start        when the appointment starts
 * @param end          when its slot ends
 * @param zone         the municipality's time zone id (e.g. America/Santiago)
 * @param unitId       the office, by id (for the statistics)
 * @param serviceId    the service, by id
 */
public record AppointmentSummary(UUID id, String code, String citizenName, String email, String language,
        String serviceName, String requirements, String unitName, String unitAddress, Instant start,
        Instant end, String zone, UUID unitId, UUID serviceId) {
}
