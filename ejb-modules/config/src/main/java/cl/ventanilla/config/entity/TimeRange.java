package cl.ventanilla.config.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.LocalTime;

/**
 * Hours of one day during which a unit attends, from the minute it opens (open) to the minute it
 * closes (already closed): 08:30–13:30 is open at 08:30 and at 13:29, closed at 13:30.
 */
@JsonbPropertyOrder({"opens", "closes"})
public record TimeRange(LocalTime opens, LocalTime closes) {

    public TimeRange {
        if (opens == null || closes == null) {
            throw ConfigException.invalid("openingHours.incomplete");
        }
        if (!opens.isBefore(closes)) {
            throw ConfigException.invalid("openingHours.emptyRange", opens, closes);
        }
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }

    /** Whether both ranges share a minute; ranges that only touch (13:30 and 13:30) do not. */
    public boolean overlaps(TimeRange other) {
        return opens.isBefore(other.closes) && other.opens.isBefore(closes);
    }

    @Override
    public String toString() {
        return opens + "–" + closes;
    }
}
