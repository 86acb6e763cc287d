package cl.ventanilla.queue;

import cl.ventanilla.queue.entity.TicketCalled;
import cl.ventanilla.queue.entity.TicketIssued;
import cl.ventanilla.queue.entity.TicketTransferred;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the lobby and the statistics in the integration test: keeps what the queue announced. */
@ApplicationScoped
public class RecordedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    void issued(@Observes TicketIssued event) {
        events.add(event);
    }

    void called(@Observes TicketCalled event) {
        events.add(event);
    }

    void transferred(@Observes TicketTransferred event) {
        events.add(event);
    }

    public List<TicketCalled> callsOf(UUID ticketId) {
        return events.stream().filter(e -> e instanceof TicketCalled c && c.ticketId().equals(ticketId))
                .map(TicketCalled.class::cast).toList();
    }

    public List<TicketTransferred> transfersOf(UUID ticketId) {
        return events.stream().filter(e -> e instanceof TicketTransferred t && t.ticketId().equals(ticketId))
                .map(TicketTransferred.class::cast).toList();
    }
}
