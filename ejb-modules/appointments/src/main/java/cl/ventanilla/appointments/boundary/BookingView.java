package cl.ventanilla.appointments.boundary;

import java.time.Instant;
import java.util.UUID;

/**
 * A booking as the citizen and the staff see it: code, citizen (RUT formatted {@code 12.345.678-5}),
 * service, requirements and office, the slot and the municipality's time zone, the state as the schema
 * names it ({@code CONFIRMADO}, {@code PRESENTADO}, {@code ATENDIDO}, {@code NO_SE_PRESENTO},
 * {@code CANCELADO}, {@code REPROGRAMADO}) and whether the citizen may still cancel or move it.
 */
public record BookingView(UUID id, String code, String rut, String citizenName, String email, String phone,
        String language, UUID serviceId, String serviceName, String requirements, UUID unitId, String unitName,
        String unitAddress, Instant start, Instant end, String zone, String state, boolean changeable) implements java.io.Serializable {
}
