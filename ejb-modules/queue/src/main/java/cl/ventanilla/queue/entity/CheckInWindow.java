package cl.ventanilla.queue.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a citizen with an appointment may check in at the kiosk: from {@code early} before the booked
 * time until {@code tolerance} after it (the unit's {@code reglas_prioridad.checkin_anticipacion_min}
 * and {@code checkin_tolerancia_min}), both ends included.
 */
public record CheckInWindow(Duration early, Duration tolerance) {

    /** What the schema sets when a unit has no rules of its own. */
    public static final CheckInWindow DEFAULT = new CheckInWindow(Duration.ofMinutes(30), Duration.ofMinutes(15));

    /** Where an arrival falls. */
    public enum Arrival {
        TOO_EARLY, ON_TIME, TOO_LATE
    }

    public CheckInWindow {
        Objects.requireNonNull(early, "early");
        Objects.requireNonNull(tolerance, "tolerance");
        if (early.isNegative() || tolerance.isNegative()) {
            throw new IllegalArgumentException("a check-in window cannot be negative: " + early + ", " + tolerance);
        }
    }

    public Arrival arrival(Instant bookedAt, Instant now) {
        if (now.isBefore(opensAt(bookedAt))) {
            return Arrival.TOO_EARLY;
        }
        return now.isAfter(closesAt(bookedAt)) ? Arrival.TOO_LATE : Arrival.ON_TIME;
    }

    public Instant opensAt(Instant bookedAt) {
        return bookedAt.minus(early);
    }

    public Instant closesAt(Instant bookedAt) {
        return bookedAt.plus(tolerance);
    }
}
