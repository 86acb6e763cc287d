package cl.ventanilla.notifications.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void theWaitDoublesFrom30SecondsUpToAnHour() {
        List<Long> seconds = IntStream.rangeClosed(1, 10).mapToObj(RetryPolicy::baseDelay)
                .map(Duration::toSeconds).toList();
        assertEquals(List.of(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3600L, 3600L, 3600L), seconds);
        assertEquals(Duration.ofHours(1), RetryPolicy.baseDelay(Integer.MAX_VALUE));
        assertEquals(Duration.ZERO, RetryPolicy.baseDelay(0));
    }

    @Test
    void jitterSpreadsTwentyPercentEachWayButNeverPastTheCap() {
        assertEquals(Duration.ofSeconds(24), RetryPolicy.delay(1, 0.0));
        assertEquals(Duration.ofSeconds(30), RetryPolicy.delay(1, 0.5));
        assertTrue(RetryPolicy.delay(1, 0.999_999).toMillis() <= 36_000);
        assertTrue(RetryPolicy.delay(1, 0.999_999).toMillis() > 35_990);
        assertEquals(Duration.ofMillis(2_880_000), RetryPolicy.delay(20, 0.0));
        assertEquals(Duration.ofHours(1), RetryPolicy.delay(20, 0.9));
    }

    @Test
    void randomOutsideTheUnitIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.delay(1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.delay(1, -0.1));
    }
}
