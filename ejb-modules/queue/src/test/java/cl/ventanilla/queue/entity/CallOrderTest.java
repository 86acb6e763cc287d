package cl.ventanilla.queue.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The routing of call-next, played over a station's morning. */
class CallOrderTest {

    static final UUID UNIT = UUID.randomUUID();
    static final UUID SERVICE = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();
    static final UUID STATION = UUID.randomUUID();
    static final Instant NINE = Instant.parse("2026-03-02T12:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final QueueRules ONE_EVERY_TWO = new QueueRules(1, 2, Duration.ofMinutes(45), 2);

    int numbers;

    Ticket ticket(boolean preferential, Instant at) {
        return Ticket.issue(UNIT, SERVICE, DAY, new TicketNumber(preferential ? "P" : "A", ++numbers), preferential, at);
    }

    /** Calls until nobody waits, returning the numbers in the order called. */
    List<String> callAll(CallOrder order, List<Ticket> queue, Instant now) {
        LinkedList<Boolean> history = new LinkedList<>();
        List<String> called = new ArrayList<>();
        while (true) {
            Optional<Ticket> next = order.choose(queue, history, now);
            if (next.isEmpty()) {
                return called;
            }
            next.get().callTo(STATION, now);
            history.addFirst(next.get().isPreferential());
            called.add(next.get().getNumber());
        }
    }

    @Test
    void onePreferentialAfterEveryTwoNormalFifoWithinEachClass() {
        List<Ticket> queue = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            queue.add(ticket(false, NINE.plusSeconds(i)));
        }
        for (int i = 0; i < 3; i++) {
            queue.add(ticket(true, NINE.plusSeconds(10 + i)));
        }
        // the station starts with a preferential one (the law gives them priority), then 2:1
        assertEquals(List.of("P-007", "A-001", "A-002", "P-008", "A-003", "A-004", "P-009", "A-005", "A-006"),
                callAll(new CallOrder(ONE_EVERY_TWO), queue, NINE.plusSeconds(60)));
    }

    @Test
    void theRatioFollowsTheUnitsRules() {
        List<Ticket> queue = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            queue.add(ticket(false, NINE.plusSeconds(i)));
            queue.add(ticket(true, NINE.plusSeconds(i)));
        }
        List<String> twoEveryOne = callAll(new CallOrder(new QueueRules(2, 1, Duration.ofHours(1), 2)), queue,
                NINE.plusSeconds(60));
        assertEquals(List.of("P-002", "P-004", "A-001", "P-006", "P-008", "A-003", "A-005", "A-007"), twoEveryOne);
    }

    @Test
    void anEmptyClassDoesNotHoldTheOtherBack() {
        List<Ticket> queue = new ArrayList<>(List.of(ticket(false, NINE), ticket(false, NINE.plusSeconds(1)),
                ticket(false, NINE.plusSeconds(2)), ticket(false, NINE.plusSeconds(3))));
        assertEquals(List.of("A-001", "A-002", "A-003", "A-004"), callAll(new CallOrder(ONE_EVERY_TWO), queue,
                NINE.plusSeconds(60)));
    }

    @Test
    void aTicketWaitingLongerThanTheMaximumGoesFirst() {
        Ticket old = ticket(false, NINE);
        List<Ticket> queue = new ArrayList<>(List.of(old, ticket(true, NINE.plus(Duration.ofMinutes(40))),
                ticket(true, NINE.plus(Duration.ofMinutes(41)))));
        Instant now = NINE.plus(Duration.ofMinutes(46));
        CallOrder order = new CallOrder(ONE_EVERY_TWO);
        assertTrue(order.overdue(old, now));
        // a preferential is due (no calls yet) but the normal ticket has waited 46 > 45 minutes
        assertEquals("A-001", order.choose(queue, List.of(), now).orElseThrow().getNumber());
        // exactly the maximum is not yet overdue
        assertEquals("P-002", order.choose(queue, List.of(), NINE.plus(Duration.ofMinutes(45))).orElseThrow().getNumber());
    }

    @Test
    void overdueTicketsAreCalledOldestFirstWhateverTheirClass() {
        List<Ticket> queue = new ArrayList<>(List.of(ticket(false, NINE.plusSeconds(30)), ticket(true, NINE),
                ticket(false, NINE.plus(Duration.ofMinutes(50)))));
        assertEquals(List.of("P-002", "A-001", "A-003"),
                callAll(new CallOrder(ONE_EVERY_TWO), queue, NINE.plus(Duration.ofMinutes(60))));
    }

    @Test
    void theDueClassComesFromTheStationsLatestCalls() {
        CallOrder order = new CallOrder(ONE_EVERY_TWO);
        assertEquals(CallOrder.Pick.PREFERENTIAL, order.picks(List.of()).get(2));
        assertEquals(CallOrder.Pick.NORMAL, order.picks(List.of(true)).get(2));
        assertEquals(CallOrder.Pick.NORMAL, order.picks(List.of(false, true)).get(2));
        assertEquals(CallOrder.Pick.PREFERENTIAL, order.picks(List.of(false, false, true)).get(2));
        CallOrder onlyPreferential = new CallOrder(new QueueRules(1, 0, Duration.ofMinutes(45), 2));
        assertEquals(CallOrder.Pick.PREFERENTIAL, onlyPreferential.picks(List.of(true, true)).get(2));
    }

    @Test
    void aTransferredTicketKeepsItsNumberAndIsCalledInTheOtherQueueAfterThoseAlreadyThere() {
        Ticket transferred = ticket(false, NINE);
        transferred.callTo(STATION, NINE.plusSeconds(60));
        Ticket alreadyThere = Ticket.issue(UNIT, OTHER, DAY, new TicketNumber("B", 1), false, NINE.plusSeconds(30));
        transferred.transferTo(OTHER, UNIT, NINE.plusSeconds(120));
        List<Ticket> otherQueue = List.of(transferred, alreadyThere);
        CallOrder order = new CallOrder(ONE_EVERY_TWO);
        assertEquals("B-001", order.choose(otherQueue, List.of(false), NINE.plusSeconds(180)).orElseThrow().getNumber());
        alreadyThere.callTo(STATION, NINE.plusSeconds(180));
        assertEquals("A-001", order.choose(otherQueue, List.of(false), NINE.plusSeconds(240)).orElseThrow().getNumber());
    }

    @Test
    void appointmentsDueNowGoFirstEarliestBookedFirstAndNotBeforeTheirTime() {
        Instant now = NINE.plus(Duration.ofMinutes(50));
        Ticket overdue = ticket(false, NINE);
        Ticket preferential = ticket(true, NINE.plus(Duration.ofMinutes(10)));
        Ticket bookedAtTen = Ticket.checkIn(UNIT, SERVICE, DAY, new TicketNumber("A", ++numbers), UUID.randomUUID(),
                NINE.plus(Duration.ofMinutes(60)), NINE.plus(Duration.ofMinutes(30)));
        Ticket bookedAtNineForty = Ticket.checkIn(UNIT, SERVICE, DAY, new TicketNumber("A", ++numbers),
                UUID.randomUUID(), NINE.plus(Duration.ofMinutes(40)), NINE.plus(Duration.ofMinutes(35)));
        Ticket bookedAtNineThirty = Ticket.checkIn(UNIT, SERVICE, DAY, new TicketNumber("A", ++numbers),
                UUID.randomUUID(), NINE.plus(Duration.ofMinutes(30)), NINE.plus(Duration.ofMinutes(40)));
        List<Ticket> queue = List.of(overdue, preferential, bookedAtTen, bookedAtNineForty, bookedAtNineThirty);

        // the 10:00 booking is not due at 09:50: it waits in the normal class, in its place of arrival
        assertEquals(List.of(bookedAtNineThirty.getNumber(), bookedAtNineForty.getNumber(), overdue.getNumber(),
                preferential.getNumber(), bookedAtTen.getNumber()), callAll(new CallOrder(ONE_EVERY_TWO), queue, now));
        assertTrue(bookedAtTen.isAppointment());
        assertTrue(!overdue.isAppointment() && !overdue.isAppointmentDue(now));
    }
}
