package cl.ventanilla.statistics.entity;

/**
 * The Erlang C model of a queue (M/M/N: arrivals at random, exponential service times, N desks, nobody
 * leaves the line): how many desks keep the wait within a target for a given share of the people.
 * <p>
 * With an arrival rate λ and a mean service time s, the offered load is A = λ·s (in erlangs, the desks kept
 * busy on average). With N &gt; A desks the probability of waiting at all is Erlang C,
 * C(N, A) = N·B / (N − A·(1 − B)), where B = B(N, A) is Erlang B computed by its recurrence
 * B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)); no factorials or powers, so it stays exact for hundreds of desks
 * and any load. The share served within T is P(W ≤ T) = 1 − C(N, A)·e^(−(N − A)·T / s). The answer is the
 * smallest N &gt; A with that share at or above the target.
 */
public final class ErlangC {

    /** The share of people to serve within the SLA when none is chosen: the "80/20" of service-level practice. */
    public static final double DEFAULT_TARGET = 0.8;

    /** More desks than any unit has; beyond it the answer is this bound and {@link Need#bounded()} says so. */
    public static final int MAX_DESKS = 1000;

    private ErlangC() {
    }

    /** The desks needed and what they achieve; {@code bounded} when the load would need more than the maximum. */
    public record Need(int desks, double load, double waitProbability, double withinTarget, boolean bounded) {

        public static final Need NONE = new Need(0, 0, 0, 1, false);
    }

    /**
     * The smallest number of desks that serves {@code target} of the arrivals within {@code targetWaitSeconds}.
     *
     * @param arrivalsPerHour       mean arrivals in the hour (λ), zero or more
     * @param serviceSeconds        mean service time (s), more than zero when there are arrivals
     * @param targetWaitSeconds     the SLA's longest wait (T), zero or more
     * @param target                the share to serve within T, strictly between 0 and 1
     * @return {@link Need#NONE} without arrivals; at most {@link #MAX_DESKS} desks
     */
    public static Need desks(double arrivalsPerHour, double serviceSeconds, double targetWaitSeconds, double target) {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("target must be in (0, 1): " + target);
        }
        if (!(arrivalsPerHour >= 0) || !(targetWaitSeconds >= 0) || Double.isInfinite(arrivalsPerHour)) {
            throw new IllegalArgumentException("arrivals and wait must be finite and not negative");
        }
        if (arrivalsPerHour == 0) {
            return Need.NONE;
        }
        if (!(serviceSeconds > 0) || Double.isInfinite(serviceSeconds)) {
            throw new IllegalArgumentException("service time must be finite and positive: " + serviceSeconds);
        }
        double load = arrivalsPerHour * serviceSeconds / 3600.0;
        if (load >= MAX_DESKS) {
            return new Need(MAX_DESKS, load, 1, 0, true);
        }
        // Erlang B up to the first N above the load, then one step of the recurrence per desk added
        int n = (int) Math.floor(load) + 1;
        double b = 1;
        for (int k = 1; k <= n; k++) {
            b = load * b / (k + load * b);
        }
        while (true) {
            double c = waitProbability(n, load, b);
            double within = 1 - c * Math.exp(-(n - load) * targetWaitSeconds / serviceSeconds);
            if (within >= target) {
                return new Need(n, load, c, within, false);
            }
            if (n == MAX_DESKS) {
                return new Need(n, load, c, within, true);
            }
            n++;
            b = load * b / (n + load * b);
        }
    }

    /** Erlang C from Erlang B of the same N and A (N &gt; A). */
    static double waitProbability(int n, double load, double erlangB) {
        return n * erlangB / (n - load * (1 - erlangB));
    }

    /** Erlang C, the probability of waiting at all with {@code n} desks and the load A (N &gt; A; else 1). */
    public static double waitProbability(int n, double load) {
        if (n <= load) {
            return 1;
        }
        double b = 1;
        for (int k = 1; k <= n; k++) {
            b = load * b / (k + load * b);
        }
        return waitProbability(n, load, b);
    }
}
