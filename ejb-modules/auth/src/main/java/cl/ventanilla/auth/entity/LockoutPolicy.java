package cl.ventanilla.auth.entity;

import java.time.Duration;
import java.util.Objects;

/**
 * How many failed sign-ins in a row lock an account, and for how long.
 *
 * @param maxFailures  failures that lock the account (the 5th by default)
 * @param lockDuration how long it stays locked (15 minutes by default)
 */
public record LockoutPolicy(int maxFailures, Duration lockDuration) {

    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(15));

    public LockoutPolicy {
        Objects.requireNonNull(lockDuration, "lockDuration");
        if (maxFailures < 1 || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("A lockout needs at least one failure and a positive duration");
        }
    }
}
