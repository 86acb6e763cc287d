package cl.ventanilla.queue.entity;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a service's waiting line will break its SLA (the longest wait the municipality promises,
 * {@code sla_minutos}), as the supervisor's live view warns: "open another desk".
 *
 * <p>A service is <b>over</b> its SLA when the ticket that has waited longest has waited longer than the
 * SLA. It is <b>at risk</b> when a waiting ticket's projected wait passes the SLA: its wait so far plus
 * the people ahead of it divided by the desks open for the service, times the mean service time
 * ({@code current wait + ahead / open desks × mean service}). Tickets are taken in arrival order, the
 * order in which most of them are called. With people waiting and no desk open for the service, nobody
 * will be called: at risk as well.
 *
 * <p>Every wait grows with the clock while nothing happens, so a service that is within its SLA now
 * reaches it after {@link Forecast#untilAlert()} unless something changes (a call, a desk opening): the
 * screen refreshes at that moment instead of polling.
 */
public final class SlaForecast {

    /** How many attentions finished today make their mean trustworthy; below it, the configured mean. */
    public static final int MIN_SAMPLE_TODAY = 3;

    private SlaForecast() {
    }

    /** How the service stands against its SLA; anything but WITHIN asks for another desk. */
    public enum Standing {
        WITHIN, AT_RISK, OVER;

        public boolean alerting() {
            return this != WITHIN;
        }
    }

    /**
     * The forecast of one service.
     *
     * @param longestWait   how long the first ticket waiting has waited; zero when nobody waits
     * @param projectedWait the largest projected wait of a waiting ticket; empty when people wait and no
     *                      desk is open (nobody will be called), zero when nobody waits
     * @param untilAlert    how long until the alert turns on if nothing happens; empty when nobody waits
     *                      or the alert is already on
     */
    public record Forecast(Standing standing, Duration longestWait, Optional<Duration> projectedWait,
            Optional<Duration> untilAlert) {

        public boolean alerting() {
            return standing.alerting();
        }
    }

    /**
     * The mean service time to project with: today's mean when at least {@value #MIN_SAMPLE_TODAY}
     * attentions of the service finished today, otherwise the service's configured average.
     */
    public static Duration meanService(int finishedToday, Duration todaysTotal, Duration configured) {
        Objects.requireNonNull(configured, "configured");
        if (finishedToday < MIN_SAMPLE_TODAY || todaysTotal == null) {
            return configured;
        }
        return todaysTotal.dividedBy(finishedToday);
    }

    /**
     * The forecast of a service now.
     *
     * @param sla          the service's SLA, positive
     * @param waits        how long each waiting ticket has waited so far, in arrival order (longest first)
     * @param openDesks    the desks attending the service now (not paused, not closed)
     * @param meanService  the mean service time (see {@link #meanService})
     */
    public static Forecast of(Duration sla, List<Duration> waits, int openDesks, Duration meanService) {
        if (sla == null || sla.isNegative() || sla.isZero()) {
            throw new IllegalArgumentException("the SLA must be positive: " + sla);
        }
        if (openDesks < 0) {
            throw new IllegalArgumentException("open desks cannot be negative: " + openDesks);
        }
        Objects.requireNonNull(meanService, "meanService");
        if (waits.isEmpty()) {
            return new Forecast(Standing.WITHIN, Duration.ZERO, Optional.of(Duration.ZERO), Optional.empty());
        }
        Duration longest = waits.stream().map(SlaForecast::notNegative).max(Duration::compareTo).orElseThrow();
        if (longest.compareTo(sla) > 0) {
            return new Forecast(Standing.OVER, longest, projection(waits, openDesks, meanService), Optional.empty());
        }
        Optional<Duration> projected = projection(waits, openDesks, meanService);
        if (projected.isEmpty() || projected.get().compareTo(sla) > 0) {
            return new Forecast(Standing.AT_RISK, longest, projected, Optional.empty());
        }
        // every projection grows one to one with the clock: the largest one reaches the SLA first; the
        // alert is on once it is strictly over, hence the extra millisecond
        return new Forecast(Standing.WITHIN, longest, projected,
                Optional.of(sla.minus(projected.get()).plusMillis(1)));
    }

    private static Optional<Duration> projection(List<Duration> waits, int openDesks, Duration meanService) {
        if (openDesks == 0) {
            return Optional.empty();
        }
        Duration largest = Duration.ZERO;
        for (int ahead = 0; ahead < waits.size(); ahead++) {
            Duration projected = notNegative(waits.get(ahead))
                    .plus(meanService.multipliedBy(ahead).dividedBy(openDesks));
            if (projected.compareTo(largest) > 0) {
                largest = projected;
            }
        }
        return Optional.of(largest);
    }

    // a ticket issued a moment ago on an instance whose clock is slightly ahead has not waited less than nothing
    private static Duration notNegative(Duration wait) {
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
