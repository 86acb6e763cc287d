package cl.ventanilla.config.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** One range of a unit's weekly opening hours: a weekday and the hours it attends in that range. */
@JsonbPropertyOrder({"day", "opens", "closes"})
public record OpeningRange(DayOfWeek day, LocalTime opens, LocalTime closes) {

    public OpeningRange {
        if (day == null) {
            throw ConfigException.invalid("openingHours.incomplete");
        }
        new TimeRange(opens, closes);
    }

    public TimeRange hours() {
        return new TimeRange(opens, closes);
    }
}
