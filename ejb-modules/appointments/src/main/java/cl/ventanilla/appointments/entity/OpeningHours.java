package cl.ventanilla.appointments.entity;

import java.time.LocalTime;
import java.util.Objects;

/** One stretch of a unit's opening hours on a weekday (a split day has two: 08:30–13:30, 14:30–17:00). */
public record OpeningHours(LocalTime opens, LocalTime closes) {

    public OpeningHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("opening hours must open before they close: " + opens + "–" + closes);
        }
    }
}
