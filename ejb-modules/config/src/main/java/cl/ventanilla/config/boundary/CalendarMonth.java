package cl.ventanilla.config.boundary;

import cl.ventanilla.config.control.CalendarDay;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.UUID;

/**
 * A month of a unit's calendar, as the portal and the staff screens show it.
 *
 * @param unitId     the unit
 * @param unitActive whether the unit attends at all; an inactive unit's days show its usual hours
 * @param month      the month, {@code 2026-12}
 * @param days       every day of the month
 */
@JsonbPropertyOrder({"unitId", "unitActive", "month", "days"})
public record CalendarMonth(UUID unitId, boolean unitActive, String month, List<CalendarDay> days) {
}
