package cl.ventanilla.queue.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Fact of the queue: the attention ended (the outcome stays in the ticket). Fired after the change. */
public record TicketFinished(UUID ticketId, UUID unitId, UUID serviceId, String number, String spokenNumber,
        UUID stationId, String stationName, int stationNumber, Instant startedAt, Instant at, LocalDate day, boolean preferential,
        boolean appointment, Instant queuedAt, Instant calledAt) {

    public static TicketFinished of(Ticket ticket, Station station, Instant at) {
        return new TicketFinished(ticket.getId(), ticket.getUnitId(), ticket.getServiceId(), ticket.getNumber(),
                ticket.getSpokenNumber(), station.id(), station.name(), station.number(), ticket.getStartedAt(), at,
                ticket.getDay(), ticket.isPreferential(), ticket.isAppointment(), ticket.getQueuedAt(), ticket.getCalledAt());
    }
}
