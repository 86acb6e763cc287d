package cl.ventanilla.api.queue;

import cl.ventanilla.queue.entity.PauseReason;
import cl.ventanilla.queue.entity.Ticket;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cl.ventanilla.kernel.Rut;

/** The JSON bodies of {@code /api/queue/}. */
public final class QueuePayloads {

    private QueuePayloads() {
    }

    /** {@code POST /api/queue/tickets}: a walk-in ticket, optionally with a preferential category code. */
    public record WalkIn(
            @NotNull(message = "{ventanilla.queue.service.required}")
            UUID serviceId,
            @Size(max = 40, message = "{ventanilla.queue.category.size}")
            String preferentialCategory) {
    }

    /** {@code POST /api/queue/tickets/{id}/finish}: what came of the attention, optional. */
    public record Outcome(
            @Size(max = Ticket.OUTCOME_LENGTH, message = "{ventanilla.queue.outcome.size}")
            String outcome) {
    }

    /** {@code POST /api/queue/tickets/{id}/transfer}: the service whose queue the ticket goes to. */
    public record Transfer(
            @NotNull(message = "{ventanilla.queue.service.required}")
            UUID serviceId) {
    }

    /**
     * {@code POST /api/queue/stations/{id}/pause}: why the station pauses, {@code LUNCH},
     * {@code INTERNAL_TASK}, {@code SHORT_BREAK} or {@code OTHER} (the Spanish codes {@code ALMUERZO}…
     * too), with the operator's words for {@code OTHER}.
     */
    public record Pause(
            @NotNull(message = "{ventanilla.queue.pause.required}")
            @Size(max = 40, message = "{ventanilla.queue.pause.required}")
            @Schema(enumeration = {"LUNCH", "INTERNAL_TASK", "SHORT_BREAK", "OTHER", "ALMUERZO", "TAREA_INTERNA",
                    "PAUSA_BREVE", "OTRO"})
            String reason,
            @Size(max = PauseReason.DETAIL_LENGTH, message = "{ventanilla.queue.pause.detail.size}")
            String detail) {
    }

    /** {@code POST /api/queue/check-in}: the booking's code or the citizen's RUT, one of them. */
    public record CheckIn(
            @Size(max = 40, message = "{ventanilla.queue.checkIn.required}")
            String code,
            @Size(max = 40, message = "{ventanilla.queue.checkIn.required}")
            @Schema(format = Rut.FORMAT, pattern = Rut.SHAPE)
            String rut) {

        /** The code when given, otherwise the RUT. */
        public String codeOrRut() {
            return code != null && !code.isBlank() ? code : rut;
        }

        @AssertTrue(message = "{ventanilla.queue.checkIn.required}")
        public boolean isGiven() {
            String given = codeOrRut();
            return given != null && !given.isBlank();
        }
    }
}
