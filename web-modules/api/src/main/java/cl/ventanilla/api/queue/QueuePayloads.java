package cl.ventanilla.api.queue;

import cl.ventanilla.queue.entity.Ticket;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

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
}
