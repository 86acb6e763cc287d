package cl.ventanilla.appointments.entity;

/**
 * How a service is booked: the length of its slots, how many days ahead it can be booked
 * ({@code horizonte_dias}: today plus that many days) and the least notice a booking needs
 * ({@code anticipacion_minima_min}).
 */
public record BookingRules(int slotMinutes, int horizonDays, int leadMinutes) {

    public BookingRules {
        if (slotMinutes <= 0 || horizonDays < 0 || leadMinutes < 0) {
            throw new IllegalArgumentException("invalid booking rules " + slotMinutes + "/" + horizonDays + "/" + leadMinutes);
        }
    }
}
