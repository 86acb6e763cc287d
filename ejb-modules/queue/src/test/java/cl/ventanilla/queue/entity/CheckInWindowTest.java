package cl.ventanilla.queue.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cl.ventanilla.queue.entity.CheckInWindow.Arrival;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckInWindowTest {

    static final Instant TEN = Instant.parse("2026-03-02T13:00:00Z");
    static final CheckInWindow THIRTY_BEFORE_FIFTEEN_AFTER = new CheckInWindow(Duration.ofMinutes(30),
            Duration.ofMinutes(15));

    @Test
    void bothEndsOfTheWindowAreOnTime() {
        CheckInWindow window = THIRTY_BEFORE_FIFTEEN_AFTER;
        assertEquals(Arrival.TOO_EARLY, window.arrival(TEN, TEN.minusSeconds(30 * 60 + 1)));
        assertEquals(Arrival.ON_TIME, window.arrival(TEN, TEN.minusSeconds(30 * 60)));
        assertEquals(Arrival.ON_TIME, window.arrival(TEN, TEN));
        assertEquals(Arrival.ON_TIME, window.arrival(TEN, TEN.plusSeconds(15 * 60)));
        assertEquals(Arrival.TOO_LATE, window.arrival(TEN, TEN.plusSeconds(15 * 60 + 1)));
        assertEquals(TEN.minusSeconds(1800), window.opensAt(TEN));
        assertEquals(TEN.plusSeconds(900), window.closesAt(TEN));
    }

    @Test
    void aUnitWithoutToleranceTakesOnlyTheBookedMinute() {
        CheckInWindow strict = new CheckInWindow(Duration.ZERO, Duration.ZERO);
        assertEquals(Arrival.ON_TIME, strict.arrival(TEN, TEN));
        assertEquals(Arrival.TOO_LATE, strict.arrival(TEN, TEN.plusMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> new CheckInWindow(Duration.ofMinutes(-1), Duration.ZERO));
    }
}
