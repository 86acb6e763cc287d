package cl.ventanilla.queue.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The queue's time: now, and the municipality's day (America/Santiago), which numbers restart with. One
 * bean so that a test can move the day by replacing it with an alternative.
 */
@ApplicationScoped
public class QueueClock {

    public static final ZoneId ZONE = ZoneId.of("America/Santiago");

    protected Clock clock() {
        return Clock.systemUTC();
    }

    public Instant now() {
        return clock().instant();
    }

    /** The local day of an instant: a ticket issued at 00:30 in Santiago belongs to that day. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
