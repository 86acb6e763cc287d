package cl.ventanilla.notifications.entity;

import java.time.Duration;

/**
 * When to try a failed email again: 30 s after the first failure, doubling after each one, never more
 * than an hour, with ±20 % jitter so that a queue of mails failed together (the SMTP server was down)
 * does not hit the server again all in the same second.
 */
public final class RetryPolicy {

    public static final Duration FIRST = Duration.ofSeconds(30);
    public static final Duration CAP = Duration.ofHours(1);
    static final double JITTER = 0.2;

    private RetryPolicy() {
    }

    /** The wait before the next attempt after {@code failures} failed attempts (1 = the first failure). */
    public static Duration baseDelay(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        // 30 s · 2^(n-1); past 2^7 the cap is reached anyway, so the shift never overflows
        long seconds = FIRST.toSeconds() << Math.min(failures - 1, 16);
        return seconds >= CAP.toSeconds() ? CAP : Duration.ofSeconds(seconds);
    }

    /**
     * The base delay spread by jitter: {@code random} in [0, 1) moves it between −20 % and +20 %, still
     * never past the cap.
     */
    public static Duration delay(int failures, double random) {
        if (random < 0 || random >= 1) {
            throw new IllegalArgumentException("random must be in [0, 1): " + random);
        }
        long millis = baseDelay(failures).toMillis();
        long spread = Math.round(millis * (1 - JITTER + 2 * JITTER * random));
        return Duration.ofMillis(Math.min(spread, CAP.toMillis()));
    }
}
