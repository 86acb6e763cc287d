package cl.ventanilla.queue.control;

import cl.ventanilla.queue.entity.StationClosed;
import cl.ventanilla.queue.entity.StationOpened;
import cl.ventanilla.queue.entity.StationPaused;
import cl.ventanilla.queue.entity.StationResumed;
import cl.ventanilla.queue.entity.TicketCalled;
import cl.ventanilla.queue.entity.TicketFinished;
import cl.ventanilla.queue.entity.TicketIssued;
import cl.ventanilla.queue.entity.TicketNoShow;
import cl.ventanilla.queue.entity.TicketRecalled;
import cl.ventanilla.queue.entity.TicketStarted;
import cl.ventanilla.queue.entity.TicketTransferred;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Turns the queue's facts into live messages for the lobby screens, only once they are committed: a
 * call that rolls back never reaches a screen. {@link LiveBridge} delivers them here and on the other
 * instances.
 */
@ApplicationScoped
public class LiveEvents {

    @Inject
    LiveBridge bridge;

    void issued(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketIssued event) {
        bridge.send(LiveMessage.of(event));
    }

    void called(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketCalled event) {
        bridge.send(LiveMessage.of(event));
    }

    void recalled(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketRecalled event) {
        bridge.send(LiveMessage.of(event));
    }

    void started(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketStarted event) {
        bridge.send(LiveMessage.of(event));
    }

    void finished(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketFinished event) {
        bridge.send(LiveMessage.of(event));
    }

    void noShow(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketNoShow event) {
        bridge.send(LiveMessage.of(event));
    }

    void transferred(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketTransferred event) {
        bridge.send(LiveMessage.of(event));
    }

    void paused(@Observes(during = TransactionPhase.AFTER_SUCCESS) StationPaused event) {
        bridge.send(LiveMessage.of(event));
    }

    void resumed(@Observes(during = TransactionPhase.AFTER_SUCCESS) StationResumed event) {
        bridge.send(LiveMessage.of(event));
    }

    void opened(@Observes(during = TransactionPhase.AFTER_SUCCESS) StationOpened event) {
        bridge.send(LiveMessage.of(event));
    }

    void closed(@Observes(during = TransactionPhase.AFTER_SUCCESS) StationClosed event) {
        bridge.send(LiveMessage.of(event));
    }
}
