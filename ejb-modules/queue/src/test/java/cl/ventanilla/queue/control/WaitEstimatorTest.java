package cl.ventanilla.queue.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.queue.control.WaitEstimator.ExactRange;
import cl.ventanilla.queue.control.WaitEstimator.Inputs;
import cl.ventanilla.queue.control.WaitEstimator.WaitRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The estimator against simulated days of a service: three desks, first come first served, arrivals at
 * random (Poisson) at about 85 % of the desks' capacity, service times log-normal around 10 minutes. At
 * each arrival the estimate is made from what the system would know at that moment, and compared with
 * the wait the simulation then gives that citizen.
 */
class WaitEstimatorTest {

    private static final Logger LOG = Logger.getLogger(WaitEstimatorTest.class.getName());

    final WaitEstimator estimator = new WaitEstimator();

    record Citizen(double arrival, double start, double end) {
        double waited() {
            return start - arrival;
        }
    }

    static List<Citizen> simulateDay(Random random, int desks, double meanServiceMinutes, double load) {
        double rate = load * desks / meanServiceMinutes;
        double sigma = 0.5;
        double mu = Math.log(meanServiceMinutes) - sigma * sigma / 2;
        double[] free = new double[desks];
        List<Citizen> day = new ArrayList<>();
        double t = 0;
        while (true) {
            t += -Math.log(1 - random.nextDouble()) / rate;
            if (t > 8 * 60) {
                return day;
            }
            int desk = 0;
            for (int d = 1; d < desks; d++) {
                if (free[d] < free[desk]) {
                    desk = d;
                }
            }
            double start = Math.max(t, free[desk]);
            double end = start + Math.exp(mu + sigma * random.nextGaussian());
            free[desk] = end;
            day.add(new Citizen(t, start, end));
        }
    }

    /** What the queue knows when citizen {@code i} arrives. */
    static Inputs inputsAt(List<Citizen> day, int i, int desks) {
        double now = day.get(i).arrival();
        int ahead = 0;
        Optional<Duration> headOfLine = Optional.empty();
        Optional<Duration> lastToEnter = Optional.empty();
        double lastStart = -1;
        List<Citizen> finished = new ArrayList<>();
        for (int j = 0; j < i; j++) {
            Citizen c = day.get(j);
            if (c.start() > now) {
                ahead++;
                if (headOfLine.isEmpty()) {
                    headOfLine = Optional.of(minutes(now - c.arrival()));
                }
            } else if (c.start() > lastStart && c.start() >= now - 60) {
                lastStart = c.start();
                lastToEnter = Optional.of(minutes(c.waited()));
            }
            if (c.end() <= now) {
                finished.add(c);
            }
        }
        finished.sort((a, b) -> Double.compare(b.end(), a.end()));
        List<Duration> recent = finished.stream().limit(WaitEstimator.SAMPLE).map(c -> minutes(c.end() - c.start())).toList();
        return new Inputs(ahead, desks, recent, Duration.ofMinutes(15), lastToEnter, headOfLine);
    }

    static Duration minutes(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }

    @Test
    void onSimulatedDaysTheRangeHoldsMostWaitsAndTheMedianIsNotOptimistic() {
        Random random = new Random(20260302);
        int total = 0;
        int withinP90 = 0;
        int withinP50 = 0;
        double sumWait = 0;
        double sumP50 = 0;
        for (int dayNumber = 0; dayNumber < 30; dayNumber++) {
            List<Citizen> day = simulateDay(random, 3, 10, 0.85);
            for (int i = 0; i < day.size(); i++) {
                Inputs inputs = inputsAt(day, i, 3);
                WaitRange range = estimator.estimate(inputs);
                double waited = day.get(i).waited();
                total++;
                withinP90 += waited <= range.p90Minutes() ? 1 : 0;
                withinP50 += waited <= range.p50Minutes() ? 1 : 0;
                sumWait += waited;
                sumP50 += range.p50Minutes();
                double history = Math.max(inputs.lastToEnterService().map(d -> d.toMillis() / 60_000.0).orElse(0.0),
                        inputs.headOfLine().map(d -> d.toMillis() / 60_000.0).orElse(0.0));
                assertTrue(range.p50Minutes() >= history, "never less than the history supports");
            }
        }
        double p90Coverage = (double) withinP90 / total;
        double p50Coverage = (double) withinP50 / total;
        LOG.info(String.format("simulated %d citizens: %.1f %% waited at most p90, %.1f %% at most p50; mean wait %.1f min, mean p50 %.1f min",
                total, 100 * p90Coverage, 100 * p50Coverage, sumWait / total, sumP50 / total));
        assertTrue(p90Coverage >= 0.85, "p90 covers " + p90Coverage);
        assertTrue(p50Coverage >= 0.5 && p50Coverage < 0.97, "p50 covers " + p50Coverage);
    }

    @Test
    void theQueueLengthEstimateGrowsWithThePeopleAheadAndShrinksWithTheDesks() {
        List<Duration> tenMinutes = java.util.Collections.nCopies(10, Duration.ofMinutes(10));
        WaitRange oneDesk = estimator.estimate(new Inputs(5, 1, tenMinutes, Duration.ofMinutes(15), Optional.empty(), Optional.empty()));
        WaitRange twoDesks = estimator.estimate(new Inputs(5, 2, tenMinutes, Duration.ofMinutes(15), Optional.empty(), Optional.empty()));
        assertEquals(60, oneDesk.p50Minutes());
        assertEquals(30, twoDesks.p50Minutes());
        assertTrue(oneDesk.p90Minutes() > oneDesk.p50Minutes());
    }

    @Test
    void withoutHistoryTheServicesAverageIsUsed() {
        WaitRange range = estimator.estimate(new Inputs(2, 1, List.of(), Duration.ofMinutes(15), Optional.empty(), Optional.empty()));
        assertEquals(45, range.p50Minutes());
    }

    @Test
    void aHeadOfLineThatHasWaitedLongRaisesTheEstimate() {
        List<Duration> fiveMinutes = java.util.Collections.nCopies(10, Duration.ofMinutes(5));
        WaitRange range = estimator.estimate(new Inputs(1, 3, fiveMinutes, Duration.ofMinutes(15), Optional.of(Duration.ofMinutes(20)),
                Optional.of(Duration.ofMinutes(35))));
        assertEquals(35, range.p50Minutes());
        assertTrue(range.p90Minutes() >= 44, "p90 " + range.p90Minutes());
    }

    @Test
    void anEarlyAppointmentWaitsForItsTimeThenForADeskToFinish() {
        // two desks, 10 minutes an attention (configured): at its time the next desk free calls it, 5 minutes on average
        ExactRange range = estimator.atBookedTime(new Inputs(0, 2, List.of(), Duration.ofMinutes(10), Optional.empty(),
                Optional.empty()), 0, Duration.ofMinutes(10));
        assertEquals(15 * 60, range.p50Seconds());
        assertEquals((long) Math.ceil((15 + 1.2816 * 10 / 2) * 60), range.p90Seconds());
    }

    @Test
    void theAppointmentsBookedBeforeItAreCalledFirstAsTheyFallDueMeanwhile() {
        // three booked before it; in its 10 minutes two desks finish two attentions, so one is still ahead then
        ExactRange range = estimator.atBookedTime(new Inputs(3, 2, List.of(), Duration.ofMinutes(10), Optional.empty(),
                Optional.empty()), 3, Duration.ofMinutes(10));
        assertEquals(20 * 60, range.p50Seconds());
        // due now: all three go first
        ExactRange dueNow = estimator.atBookedTime(new Inputs(3, 2, List.of(), Duration.ofMinutes(10), Optional.empty(),
                Optional.empty()), 3, Duration.ZERO);
        assertEquals(20 * 60, dueNow.p50Seconds());
    }

    @Test
    void aLateAppointmentSkipsTheWalkInsLineHoweverLongItHasWaited() {
        List<Duration> sixMinutes = java.util.Collections.nCopies(10, Duration.ofMinutes(6));
        Inputs longLine = new Inputs(0, 3, sixMinutes, Duration.ofMinutes(15), Optional.of(Duration.ofMinutes(40)),
                Optional.of(Duration.ofMinutes(45)));
        assertEquals(2 * 60, estimator.atBookedTime(longLine, 0, Duration.ofMinutes(-5)).p50Seconds());
        assertEquals(2 * 60, estimator.forAppointment(longLine, 0, Duration.ofMinutes(-5)).p50Seconds());
        assertEquals(45, estimator.estimate(longLine).p50Minutes(), "a walk-in joining that line waits like its head");
    }

    @Test
    void anEarlyAppointmentWithNobodyInTheLineIsPromisedItsTurnThereNotItsTime() {
        // an empty line and idle desks call it long before its time, by its arrival
        Inputs emptyLine = new Inputs(0, 2, List.of(), Duration.ofMinutes(10), Optional.empty(), Optional.empty());
        assertEquals(5 * 60, estimator.forAppointment(emptyLine, 0, Duration.ofMinutes(20)).p50Seconds());
    }

    @Test
    void anAppointmentIsPromisedWhicheverComesFirstItsTimeOrItsTurnInTheLine() {
        ExactRange inLine = new ExactRange(300, 900);
        ExactRange atItsTime = new ExactRange(1200, 1500);
        assertEquals(inLine, ExactRange.earlier(inLine, atItsTime));
        assertEquals(inLine, ExactRange.earlier(atItsTime, inLine));
        // a wide range in the line and a narrow one at its time: the p90 is the earlier of the two
        assertEquals(new ExactRange(300, 1500), ExactRange.earlier(new ExactRange(300, 2400), atItsTime));
    }
}
