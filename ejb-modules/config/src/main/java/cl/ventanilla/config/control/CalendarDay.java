package cl.ventanilla.config.control;

import cl.ventanilla.config.entity.TimeRange;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.LocalDate;
import java.util.List;

/**
 * A day of a unit's calendar.
 *
 * @param date    the day
 * @param open    whether the unit attends at some hour that day
 * @param hours   the hours it attends, in order
 * @param holiday the national holiday's name, when it is one
 * @param closure the reason of the unit's closure, when it is closed that day
 */
@JsonbPropertyOrder({"date", "open", "hours", "holiday", "closure"})
public record CalendarDay(LocalDate date, boolean open, List<TimeRange> hours, String holiday, String closure) {
}
