package cl.ventanilla.appointments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cl.ventanilla.appointments.entity.OpeningHours;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvailabilityCacheTest {

    @Test
    void factsSurviveTheRoundTripThroughRedis() {
        DayPlan.Facts facts = new DayPlan.Facts(List.of(new OpeningHours(LocalTime.of(8, 30), LocalTime.of(13, 30)),
                new OpeningHours(LocalTime.of(14, 30), LocalTime.of(17, 0))), false, 3,
                Map.of(Instant.parse("2026-12-02T11:30:00Z"), 2, Instant.parse("2026-12-02T12:15:00Z"), 1));
        assertEquals(facts, AvailabilityCache.decode(AvailabilityCache.encode(facts)));
        DayPlan.Facts closed = new DayPlan.Facts(List.of(), true, 0, Map.of());
        assertEquals(closed, AvailabilityCache.decode(AvailabilityCache.encode(closed)));
    }

    @Test
    void anEntryOfAnotherFormatIsNotTrusted() {
        assertThrows(IllegalArgumentException.class, () -> AvailabilityCache.decode("2|0|1||"));
    }
}
