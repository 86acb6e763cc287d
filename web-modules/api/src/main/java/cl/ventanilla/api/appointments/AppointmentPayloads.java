package cl.ventanilla.api.appointments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The JSON bodies of {@code /api/appointments/}; the boundaries validate them. */
public final class AppointmentPayloads {

    private AppointmentPayloads() {
    }

    /**
     * {@code POST /api/appointments}: a booking as the form sends it, with the solved challenge
     * ({@code challenge} is the token of {@code GET /api/appointments/challenge}). The client's address is
     * taken from the request, not from the body.
     */
    public record Booking(UUID serviceId, Instant start, String rut, String name, String email, String phone,
            String language, String challenge, String nonce) {
    }

    /** {@code POST /api/appointments/{code}/reschedule}: the citizen's RUT and the new slot's start. */
    public record Reschedule(String rut, Instant start) {
    }

    /** {@code POST /api/appointments/unit/{unitId}/closures}: the days the unit closes, and why. */
    public record Closure(LocalDate from, LocalDate to, String reason) {
    }

    /** The answer to a closure: how many bookings were cancelled (each citizen is told). */
    public record ClosureResult(int cancelled) {
    }
}
