package cl.ventanilla.queue.control;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before the next attempt to reach something that failed: {@code first}, then twice as
 * long each time up to {@code last}, and {@code first} again after a success. Not thread-safe: one
 * retrying loop owns it.
 */
public final class Backoff {

    private final Duration first;
    private final Duration last;
    private Duration next;

    public Backoff(Duration first, Duration last) {
        this.first = Objects.requireNonNull(first, "first");
        this.last = Objects.requireNonNull(last, "last");
        if (first.isNegative() || first.isZero() || last.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff goes from a positive first wait up to a longer last one: "
                    + first + ", " + last);
        }
        this.next = first;
    }

    /** The wait before this attempt; the following one waits twice as long, up to the last. */
    public Duration next() {
        Duration wait = next;
        next = next.compareTo(last.dividedBy(2)) > 0 ? last : next.multipliedBy(2);
        return wait;
    }

    /** It worked: the next failure starts again from the first wait. */
    public void reset() {
        next = first;
    }
}
