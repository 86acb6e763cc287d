package cl.ventanilla.queue.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.queue.entity.SlaForecast.Forecast;
import cl.ventanilla.queue.entity.SlaForecast.Standing;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The supervisor's SLA alert: over the SLA now, or projected to pass it. */
class SlaForecastTest {

    static final Duration SLA = Duration.ofMinutes(20);
    static final Duration TEN = Duration.ofMinutes(10);

    static Duration min(double minutes) {
        return Duration.ofSeconds(Math.round(minutes * 60));
    }

    @Test
    void nobodyWaitingIsWithinAndHasNothingToWaitFor() {
        Forecast forecast = SlaForecast.of(SLA, List.of(), 0, TEN);
        assertEquals(Standing.WITHIN, forecast.standing());
        assertEquals(Duration.ZERO, forecast.longestWait());
        assertEquals(Optional.empty(), forecast.untilAlert());
        assertFalse(forecast.alerting());
    }

    @Test
    void theLongestWaitOverTheSlaIsOver() {
        Forecast forecast = SlaForecast.of(SLA, List.of(min(21), min(3)), 3, TEN);
        assertEquals(Standing.OVER, forecast.standing());
        assertEquals(min(21), forecast.longestWait());
        assertTrue(forecast.alerting());
        assertEquals(Optional.empty(), forecast.untilAlert(), "already on");
    }

    @Test
    void exactlyTheSlaIsStillWithin() {
        Forecast forecast = SlaForecast.of(SLA, List.of(SLA), 1, TEN);
        assertEquals(Standing.WITHIN, forecast.standing());
        assertEquals(Optional.of(Duration.ofMillis(1)), forecast.untilAlert());
    }

    @Test
    void peopleAheadOverOpenDesksTimesTheMeanServicePlusTheWaitPassingTheSlaIsAtRisk() {
        // the fourth in line: 3 ahead / 2 desks × 10 min + 6 min waited = 21 min > 20
        Forecast forecast = SlaForecast.of(SLA, List.of(min(8), min(7), min(6), min(6)), 2, TEN);
        assertEquals(Standing.AT_RISK, forecast.standing());
        assertEquals(Optional.of(min(21)), forecast.projectedWait());
        assertEquals(min(8), forecast.longestWait());
    }

    @Test
    void oneMoreDeskBringsTheSameLineWithinAndSaysWhenItWouldAlert() {
        // 3 ahead / 3 desks × 10 + 6 = 16; 2 ahead / 3 × 10 + 6 ≈ 12.7; the largest, 16, reaches 20 in 4 min
        Forecast forecast = SlaForecast.of(SLA, List.of(min(8), min(7), min(6), min(6)), 3, TEN);
        assertEquals(Standing.WITHIN, forecast.standing());
        assertEquals(Optional.of(min(16)), forecast.projectedWait());
        assertEquals(Optional.of(min(4).plusMillis(1)), forecast.untilAlert());
    }

    @Test
    void theProjectionTakesTheWorstTicketNotOnlyTheLast() {
        // the second waited long: 14 + 1 × 5 = 19; the last: 1 + 2 × 5 = 11
        Forecast forecast = SlaForecast.of(SLA, List.of(min(15), min(14), min(1)), 1, Duration.ofMinutes(5));
        assertEquals(Optional.of(min(19)), forecast.projectedWait());
        assertEquals(Standing.WITHIN, forecast.standing());
    }

    @Test
    void aShortSlaIsPassedByTheSecondTicketOfOneDesk() {
        // the system test's set-up: SLA 1 min, 10 min per attention, one desk
        Duration oneMinute = Duration.ofMinutes(1);
        assertEquals(Standing.WITHIN, SlaForecast.of(oneMinute, List.of(Duration.ofSeconds(5)), 1, TEN).standing());
        assertEquals(Standing.AT_RISK,
                SlaForecast.of(oneMinute, List.of(Duration.ofSeconds(5), Duration.ZERO), 1, TEN).standing());
    }

    @Test
    void peopleWaitingWithNoDeskOpenWillPassAnySla() {
        Forecast forecast = SlaForecast.of(SLA, List.of(Duration.ofSeconds(30)), 0, TEN);
        assertEquals(Standing.AT_RISK, forecast.standing());
        assertEquals(Optional.empty(), forecast.projectedWait());
        assertEquals(Optional.empty(), forecast.untilAlert());
    }

    @Test
    void aNegativeWaitFromClockSkewCountsAsNone() {
        Forecast forecast = SlaForecast.of(SLA, List.of(Duration.ofSeconds(-2)), 1, TEN);
        assertEquals(Duration.ZERO, forecast.longestWait());
        assertEquals(Optional.of(SLA.plusMillis(1)), forecast.untilAlert());
    }

    @Test
    void todaysMeanOnceEnoughAttentionsFinishedOtherwiseTheConfiguredOne() {
        assertEquals(TEN, SlaForecast.meanService(0, Duration.ZERO, TEN));
        assertEquals(TEN, SlaForecast.meanService(2, Duration.ofMinutes(4), TEN));
        assertEquals(Duration.ofMinutes(3), SlaForecast.meanService(3, Duration.ofMinutes(9), TEN));
    }

    @Test
    void aSlaMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> SlaForecast.of(Duration.ZERO, List.of(), 1, TEN));
        assertThrows(IllegalArgumentException.class, () -> SlaForecast.of(SLA, List.of(), -1, TEN));
    }
}
