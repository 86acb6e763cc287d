package cl.ventanilla.appointments.boundary;

import java.util.UUID;

/** A service that takes bookings, with where it is attended and how long its slots are. */
public record BookableService(UUID directorateId, String directorateName, UUID unitId, String unitName,
        String unitAddress, UUID serviceId, String serviceName, String description, String requirements,
        int slotMinutes) {
}
