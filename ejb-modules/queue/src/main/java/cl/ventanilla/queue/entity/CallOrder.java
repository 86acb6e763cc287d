package cl.ventanilla.queue.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which waiting ticket a station calls next, by the unit's {@link QueueRules}:
 * <ol>
 * <li>appointments due now: checked-in appointment tickets whose booked time has come, earliest booked
 * first;</li>
 * <li>tickets that have waited longer than the maximum wait, oldest first, whatever their class;</li>
 * <li>otherwise the class that is due: after {@code normalRatio} normal calls the station owes
 * {@code preferentialRatio} preferential ones (a station with no calls yet starts with a preferential
 * one, as the law gives them priority);</li>
 * <li>if the due class has nobody waiting, the other class, so nobody waits for a class that is empty.</li>
 * </ol>
 * Within a class, first come first served. The order is computed from the station's own recent calls,
 * so each desk interleaves by itself and two desks never need to agree. The database query follows the
 * same {@link #picks picks}; {@link #choose} applies them to tickets in memory (and to tests).
 */
public record CallOrder(QueueRules rules) {

    /** One step of the routing: a kind of ticket to look for, in order. */
    public enum Pick {
        APPOINTMENT, OVERDUE, PREFERENTIAL, NORMAL;

        public boolean preferential() {
            return this == PREFERENTIAL;
        }
    }

    /** How long the recent-calls history must be to decide which class is due. */
    public int historyNeeded() {
        return Math.max(rules.preferentialRatio(), rules.normalRatio()) + 1;
    }

    /**
     * The picks in order, given whether each of the station's latest calls was preferential (newest
     * first).
     */
    public List<Pick> picks(List<Boolean> recentCallsNewestFirst) {
        return preferentialDue(recentCallsNewestFirst)
                ? List.of(Pick.APPOINTMENT, Pick.OVERDUE, Pick.PREFERENTIAL, Pick.NORMAL)
                : List.of(Pick.APPOINTMENT, Pick.OVERDUE, Pick.NORMAL, Pick.PREFERENTIAL);
    }

    boolean preferentialDue(List<Boolean> recent) {
        if (recent.isEmpty()) {
            return true;
        }
        boolean lastWasPreferential = recent.get(0);
        int streak = 0;
        while (streak < recent.size() && recent.get(streak) == lastWasPreferential) {
            streak++;
        }
        if (lastWasPreferential) {
            return rules.normalRatio() == 0 || streak < rules.preferentialRatio();
        }
        return streak >= rules.normalRatio();
    }

    /** The ticket the picks select among waiting ones, or nothing when nobody waits. */
    public Optional<Ticket> choose(List<Ticket> waiting, List<Boolean> recentCallsNewestFirst, Instant now) {
        List<Ticket> fifo = new ArrayList<>(waiting.stream().filter(t -> t.getState() == TicketState.WAITING).toList());
        fifo.sort(Comparator.comparing(Ticket::getQueuedAt).thenComparing(t -> t.number().number()));
        for (Pick pick : picks(recentCallsNewestFirst)) {
            Predicate<Ticket> matches = switch (pick) {
                case APPOINTMENT -> t -> t.isAppointmentDue(now);
                case OVERDUE -> t -> overdue(t, now);
                case PREFERENTIAL -> Ticket::isPreferential;
                case NORMAL -> t -> !t.isPreferential();
            };
            Optional<Ticket> found = pick == Pick.APPOINTMENT
                    ? fifo.stream().filter(matches).min(Comparator.comparing(Ticket::getAppointmentAt))
                    : fifo.stream().filter(matches).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Waited strictly longer than the unit allows. */
    public boolean overdue(Ticket ticket, Instant now) {
        return ticket.waitedAt(now).compareTo(rules.maxWait()) > 0;
    }

    /** The latest moment a ticket may have joined the queue and still be overdue at {@code now}. */
    public Instant overdueIfQueuedBefore(Instant now) {
        return now.minus(rules.maxWait());
    }
}
