package cl.ventanilla.queue.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Fact of the queue: the called citizen did not come. Fired after the change, inside the transaction. */
public record TicketNoShow(UUID ticketId, UUID unitId, UUID serviceId, String number, String spokenNumber,
        UUID stationId, String stationName, int stationNumber, Instant at, LocalDate day) {

    public static TicketNoShow of(Ticket ticket, Station station, Instant at) {
        return new TicketNoShow(ticket.getId(), ticket.getUnitId(), ticket.getServiceId(), ticket.getNumber(),
                ticket.getSpokenNumber(), station.id(), station.name(), station.number(), at, ticket.getDay());
    }
}
