package cl.ventanilla.queue.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Fact of the queue: a ticket went to another service's queue with the same number. Fired after the change. */
public record TicketTransferred(UUID ticketId, UUID unitId, UUID fromServiceId, UUID toServiceId, String number,
        String spokenNumber, UUID stationId, String stationName, int stationNumber, Instant at, LocalDate day) {

    public static TicketTransferred of(Ticket ticket, UUID fromService, Station station, Instant at) {
        return new TicketTransferred(ticket.getId(), ticket.getUnitId(), fromService, ticket.getServiceId(),
                ticket.getNumber(), ticket.getSpokenNumber(), station == null ? null : station.id(),
                station == null ? null : station.name(), station == null ? 0 : station.number(), at, ticket.getDay());
    }
}
