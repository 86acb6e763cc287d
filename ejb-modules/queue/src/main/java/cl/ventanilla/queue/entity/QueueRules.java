package cl.ventanilla.queue.entity;

import java.time.Duration;

/**
 * The unit's queue rules (its {@code reglas_prioridad}): after {@code normalRatio} normal tickets a
 * station calls {@code preferentialRatio} preferential ones; a ticket waiting longer than
 * {@code maxWait} goes before everybody; a called ticket may be recalled {@code recallLimit} times.
 */
public record QueueRules(int preferentialRatio, int normalRatio, Duration maxWait, int recallLimit) {

    /** What the schema sets when a unit has no rules of its own. */
    public static final QueueRules DEFAULT = new QueueRules(1, 2, Duration.ofMinutes(45), 2);

    public QueueRules {
        if (preferentialRatio < 1 || normalRatio < 0 || recallLimit < 0) {
            throw new IllegalArgumentException("invalid queue rules " + preferentialRatio + ":" + normalRatio
                    + ", recalls " + recallLimit);
        }
        if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("the maximum wait must be positive: " + maxWait);
        }
    }
}
