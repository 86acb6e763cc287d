package cl.ventanilla.appointments.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The appointments' time: now, and the municipality's calendar (America/Santiago), which slots, lead
 * times and horizons are counted in. One bean so that a test can move time by replacing it with an
 * alternative.
 */
@ApplicationScoped
public class AppointmentClock {

    public static final ZoneId ZONE = ZoneId.of("America/Santiago");

    protected Clock clock() {
        return Clock.systemUTC();
    }

    public Instant now() {
        return clock().instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), ZONE);
    }

    /** The local day of an instant: a slot at 00:30 in Santiago belongs to that day. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
