package cl.ventanilla.backup.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    private static ZonedDateTime at(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 12, day, hour, minute, 30, 0, SANTIAGO);
    }

    private static CronSchedule cron(String text) {
        return CronSchedule.parse(text).orElseThrow();
    }

    @Test
    void theOriginalNightlyScheduleIsDueAtTwoAndCaughtUpInsideTheWindow() {
        CronSchedule nightly = cron("0 2 * * *");
        assertEquals(Optional.of(at(7, 2, 0).withSecond(0)), nightly.latestDue(at(7, 2, 0), Duration.ofMinutes(180)));
        assertEquals(Optional.of(at(7, 2, 0).withSecond(0)), nightly.latestDue(at(7, 4, 59), Duration.ofMinutes(180)));
        assertEquals(Optional.empty(), nightly.latestDue(at(7, 5, 1), Duration.ofMinutes(180)));
        assertEquals(Optional.empty(), nightly.latestDue(at(7, 1, 59), Duration.ofMinutes(180)));
        assertEquals(Optional.of(at(8, 2, 0).withSecond(0)), nightly.next(at(7, 2, 0)));
    }

    @Test
    void listsRangesAndStepsAsCronReadsThem() {
        CronSchedule schedule = cron("*/15 8-18 * * 1-5");
        assertTrue(schedule.matches(at(7, 8, 45))); // Monday
        assertFalse(schedule.matches(at(7, 8, 50)));
        assertFalse(schedule.matches(at(6, 9, 0))); // Sunday
        assertTrue(cron("0 3 * * 0").matches(at(6, 3, 0)));
        assertTrue(cron("0 3 * * 7").matches(at(6, 3, 0)));
        assertTrue(cron("5,35 1 1 * *").matches(at(1, 1, 35)));
        // both days restricted: either matches, as in cron
        assertTrue(cron("0 0 1 * 1").matches(at(7, 0, 0)));
        assertTrue(cron("0 0 1 * 1").matches(at(1, 0, 0)));
        assertFalse(cron("0 0 1 * 1").matches(at(2, 0, 0)));
    }

    @Test
    void offOrBlankIsNeverAndNonsenseIsRefusedInSpanish() {
        assertTrue(CronSchedule.parse("off").isEmpty());
        assertTrue(CronSchedule.parse("  ").isEmpty());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("0 2 * *")).getMessage().contains("cinco campos"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("61 2 * * *")).getMessage().contains("entre 0 y 59"));
        assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("a 2 * * *"));
        assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("5-1 2 * * *"));
        assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("*/0 2 * * *"));
    }
}
