package cl.ventanilla.queue.entity;

import java.time.Instant;
import java.util.UUID;

/** Fact of the queue: the citizen sat down at the station. Fired after the change, inside the transaction. */
public record TicketStarted(UUID ticketId, UUID unitId, UUID serviceId, String number, String spokenNumber,
        UUID stationId, String stationName, int stationNumber, Instant at) {

    public static TicketStarted of(Ticket ticket, Station station, Instant at) {
        return new TicketStarted(ticket.getId(), ticket.getUnitId(), ticket.getServiceId(), ticket.getNumber(),
                ticket.getSpokenNumber(), station.id(), station.name(), station.number(), at);
    }
}
