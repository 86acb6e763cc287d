package cl.ventanilla.ai.boundary;

import java.util.UUID;

/**
 * A service of the catalog offered in an answer, with everything a citizen needs from the catalog itself:
 * where it is attended, the requirements as the municipality wrote them, and the portal's booking page
 * ({@code /reservar.xhtml?servicio=…}), null when the service takes no bookings (walk-in only).
 */
public record SuggestedService(UUID id, String name, UUID unitId, String unit, String requirements, String bookingUrl) {
}
