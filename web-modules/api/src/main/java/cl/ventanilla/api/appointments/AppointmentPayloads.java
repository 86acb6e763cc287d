package cl.ventanilla.api.appointments;

import cl.ventanilla.kernel.Rut;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of {@code /api/appointments/}; the boundaries validate them. */
public final class AppointmentPayloads {

    private AppointmentPayloads() {
    }

    /**
     * {@code POST /api/appointments}: a booking as the form sends it, with the solved challenge
     * ({@code challenge} is the token of {@code GET /api/appointments/challenge}). The client's address is
     * taken from the request, not from the body.
     */
    public record Booking(
            @Schema(required = true) UUID serviceId,
            @Schema(required = true, description = "El inicio de una hora libre, como lo da …/slots") Instant start,
            @Schema(required = true, format = Rut.FORMAT, pattern = Rut.SHAPE, maxLength = 20, example = "12.345.678-5") String rut,
            @Schema(required = true, maxLength = 120, example = "María González") String name,
            @Schema(required = true, format = "email", maxLength = 254, example = "maria@example.cl") String email,
            @Schema(maxLength = 30, example = "+56 9 1234 5678") String phone,
            @Schema(required = true, enumeration = {"es", "en"}) String language,
            @Schema(required = true, description = "El token de GET /api/appointments/challenge") String challenge,
            @Schema(required = true, maxLength = 19, description = "El número que resuelve el desafío") String nonce) {
    }

    /** {@code POST /api/appointments/{code}/reschedule}: the citizen's RUT and the new slot's start. */
    public record Reschedule(
            @Schema(required = true, format = Rut.FORMAT, pattern = Rut.SHAPE, maxLength = 20, example = "12.345.678-5") String rut,
            @Schema(required = true) Instant start) {
    }

    /** {@code POST /api/appointments/unit/{unitId}/closures}: the days the unit closes, and why. */
    public record Closure(@Schema(required = true) LocalDate from, @Schema(required = true) LocalDate to,
            @Schema(required = true, maxLength = 300, example = "Corte de luz") String reason) {
    }

    /** The answer to a closure: how many bookings were cancelled (each citizen is told). */
    public record ClosureResult(int cancelled) {
    }
}
