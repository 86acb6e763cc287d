package cl.ventanilla.queue.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.kernel.DomainException.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketTest {

    static final UUID UNIT = UUID.randomUUID();
    static final UUID SERVICE = UUID.randomUUID();
    static final UUID OTHER_SERVICE = UUID.randomUUID();
    static final UUID STATION = UUID.randomUUID();
    static final Instant NINE = Instant.parse("2026-03-02T12:00:00Z");

    static Ticket waiting(int number) {
        return Ticket.issue(UNIT, SERVICE, LocalDate.of(2026, 3, 2), new TicketNumber("A", number), false, NINE);
    }

    @Test
    void theNumberIsShownWithThreeDigitsAndSpokenWithoutZeros() {
        TicketNumber number = new TicketNumber("A", 23);
        assertEquals("A-023", number.shown());
        assertEquals("A 23", number.spoken());
        assertEquals("LC-1234", new TicketNumber("LC", 1234).shown());
        assertEquals("B-001", new TicketNumber("B", 1).shown());
        assertEquals("B-100", new TicketNumber("B", 100).shown());
        assertEquals("A-10000", new TicketNumber("A", 10_000).shown(), "a busy day never runs out of numbers");
        assertEquals("A 10000", new TicketNumber("A", 10_000).spoken());
        assertThrows(IllegalArgumentException.class, () -> new TicketNumber("a", 1));
        assertThrows(IllegalArgumentException.class, () -> new TicketNumber("A", 0));
    }

    @Test
    void aTicketGoesFromWaitingToCalledToServedToFinished() {
        Ticket ticket = waiting(1);
        assertEquals(TicketState.WAITING, ticket.getState());
        ticket.callTo(STATION, NINE.plusSeconds(60));
        assertEquals(TicketState.CALLED, ticket.getState());
        assertEquals(STATION, ticket.getStationId());
        ticket.start(NINE.plusSeconds(90));
        ticket.finish("  Licencia entregada ", NINE.plusSeconds(600));
        assertEquals(TicketState.FINISHED, ticket.getState());
        assertEquals("Licencia entregada", ticket.getOutcome());
        assertEquals(NINE.plusSeconds(600), ticket.getFinishedAt());
    }

    @Test
    void onlyAWaitingTicketCanBeCalledAndTheConflictSaysSo() {
        Ticket ticket = waiting(7);
        ticket.callTo(STATION, NINE);
        QueueException twice = assertThrows(QueueException.class, () -> ticket.callTo(STATION, NINE));
        assertEquals(Kind.CONFLICT, twice.kind());
        assertTrue(twice.messageIn(Locale.forLanguageTag("es")).contains("A-007"), twice.messageIn(null));
        assertTrue(twice.messageIn(Locale.ENGLISH).startsWith("Ticket A-007"), twice.messageIn(Locale.ENGLISH));
        assertThrows(QueueException.class, () -> ticket.finish(null, NINE));
        assertThrows(QueueException.class, () -> waiting(2).start(NINE));
        assertThrows(QueueException.class, () -> waiting(2).markNoShow(NINE));
    }

    @Test
    void recallsAreLimitedByTheUnit() {
        Ticket ticket = waiting(3);
        ticket.callTo(STATION, NINE);
        ticket.recall(2);
        ticket.recall(2);
        QueueException third = assertThrows(QueueException.class, () -> ticket.recall(2));
        assertEquals("ticket.recallLimit", third.key());
        assertEquals(2, ticket.getRecalls());
        ticket.markNoShow(NINE.plusSeconds(300));
        assertEquals(TicketState.NO_SHOW, ticket.getState());
    }

    @Test
    void aTransferKeepsTheNumberAndWaitsAgainInTheOtherService() {
        Ticket ticket = waiting(23);
        ticket.callTo(STATION, NINE);
        ticket.start(NINE);
        ticket.transferTo(OTHER_SERVICE, UNIT, NINE.plusSeconds(300));
        assertEquals("A-023", ticket.getNumber());
        assertEquals(SERVICE, ticket.getIssuedForServiceId());
        assertEquals(OTHER_SERVICE, ticket.getServiceId());
        assertEquals(TicketState.WAITING, ticket.getState());
        assertNull(ticket.getStationId());
        assertEquals(NINE.plusSeconds(300), ticket.getQueuedAt());
        assertEquals(1, ticket.getTransfers());
    }

    @Test
    void aTransferStaysInTheUnitAndChangesTheService() {
        Ticket ticket = waiting(4);
        assertThrows(QueueException.class, () -> ticket.transferTo(OTHER_SERVICE, UNIT, NINE), "waiting");
        ticket.callTo(STATION, NINE);
        assertEquals("ticket.transferSameService",
                assertThrows(QueueException.class, () -> ticket.transferTo(SERVICE, UNIT, NINE)).key());
        assertEquals("ticket.transferOtherUnit",
                assertThrows(QueueException.class, () -> ticket.transferTo(OTHER_SERVICE, UUID.randomUUID(), NINE)).key());
    }

    @Test
    void aParkedTicketIsResumedIntoService() {
        Ticket ticket = waiting(5);
        assertThrows(QueueException.class, ticket::park);
        ticket.callTo(STATION, NINE);
        ticket.start(NINE);
        ticket.park();
        assertEquals(TicketState.PARKED, ticket.getState());
        assertEquals(STATION, ticket.getStationId(), "the station keeps it");
        ticket.resume();
        assertEquals(TicketState.IN_SERVICE, ticket.getState());
        assertThrows(QueueException.class, ticket::resume);
    }

    @Test
    void aTooLongOutcomeIsRefused() {
        Ticket ticket = waiting(6);
        ticket.callTo(STATION, NINE);
        ticket.start(NINE);
        assertEquals(Kind.INVALID, assertThrows(QueueException.class,
                () -> ticket.finish("x".repeat(Ticket.OUTCOME_LENGTH + 1), NINE)).kind());
    }
}
