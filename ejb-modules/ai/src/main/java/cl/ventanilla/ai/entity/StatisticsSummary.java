package cl.ventanilla.ai.entity;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The figures of a period that a supervisor asks to have summarized in words: the statistics screen fills
 * it from its aggregates. Waits are in minutes; {@code withinSla} the share (0–1) of tickets served within
 * the service's target, null when it has none.
 */
public record StatisticsSummary(String scope, LocalDate from, LocalDate to, List<ServiceFigures> services) {

    public StatisticsSummary {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        services = List.copyOf(services);
    }

    /** One service's figures in the period. */
    public record ServiceFigures(String service, int issued, int served, int noShows, double meanWaitMinutes,
            double p90WaitMinutes, Double withinSla) {

        /** From the statistics' counts and waits in seconds (null when nobody waited); a service without a name is "–". */
        public static ServiceFigures measured(String service, long issued, long served, long noShows,
                Integer meanWaitSeconds, Integer p90WaitSeconds, Double withinSla) {
            return new ServiceFigures(service == null ? "–" : service, (int) issued, (int) served, (int) noShows,
                    minutes(meanWaitSeconds), minutes(p90WaitSeconds), withinSla);
        }

        private static double minutes(Integer seconds) {
            return seconds == null ? 0 : seconds / 60.0;
        }
    }
}
