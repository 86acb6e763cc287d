package cl.ventanilla.queue.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * Fact of the queue: a station called a ticket; the lobby shows it and speaks it. {@code waitingSince}
 * is when the ticket entered the queue of the service that called it (its wait is up to {@code at}).
 * Fired after the change, inside the transaction.
 */
public record TicketCalled(UUID ticketId, UUID unitId, UUID serviceId, String number, String spokenNumber,
        UUID stationId, String stationName, int stationNumber, Instant waitingSince, Instant at) {

    public static TicketCalled of(Ticket ticket, Station station, Instant at) {
        return new TicketCalled(ticket.getId(), ticket.getUnitId(), ticket.getServiceId(), ticket.getNumber(),
                ticket.getSpokenNumber(), station.id(), station.name(), station.number(), ticket.getQueuedAt(), at);
    }
}
