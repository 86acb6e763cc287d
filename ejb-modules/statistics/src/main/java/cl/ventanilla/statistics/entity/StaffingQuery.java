package cl.ventanilla.statistics.entity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * What a staffing advice asks for: a unit and a day; the arrivals are those of the same weekday in the
 * {@code weeks} weeks before it (1 to 12, 4 by default), and {@code target} the share of people to serve within
 * each service's SLA (strictly between 0 and 1, {@link ErlangC#DEFAULT_TARGET} by default).
 */
public record StaffingQuery(UUID unitId, LocalDate date, int weeks, double target) {

    public static final int DEFAULT_WEEKS = 4;
    public static final int MAX_WEEKS = 12;

    public StaffingQuery {
        if (unitId == null) {
            throw StatisticsException.invalid("unit.required");
        }
        if (date == null) {
            throw StatisticsException.invalid("day.required");
        }
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw StatisticsException.invalid("weeks.range", String.valueOf(weeks), MAX_WEEKS);
        }
        if (!(target > 0 && target < 1)) {
            throw StatisticsException.invalid("target.range", String.valueOf(target));
        }
    }

    /** From the API's or the screen's text; every malformed part is a clear refusal in the user's language. */
    public static StaffingQuery parse(String unit, String date, String weeks, String target) {
        if (unit == null || unit.isBlank()) {
            throw StatisticsException.invalid("unit.required");
        }
        UUID unitId;
        try {
            unitId = UUID.fromString(unit.strip());
        } catch (IllegalArgumentException e) {
            throw StatisticsException.invalid("id.malformed", unit.strip());
        }
        if (date == null || date.isBlank()) {
            throw StatisticsException.invalid("day.required");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw StatisticsException.invalid("date.malformed", date.strip());
        }
        int w = DEFAULT_WEEKS;
        if (weeks != null && !weeks.isBlank()) {
            try {
                w = Integer.parseInt(weeks.strip());
            } catch (NumberFormatException e) {
                throw StatisticsException.invalid("weeks.range", weeks.strip(), MAX_WEEKS);
            }
        }
        double t = ErlangC.DEFAULT_TARGET;
        if (target != null && !target.isBlank()) {
            try {
                // a share as 0.8 (or 0,8 as typed in Spanish), or a percentage as 80 %
                String text = target.strip().replace(',', '.');
                t = text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1).strip()) / 100
                        : Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw StatisticsException.invalid("target.range", target.strip());
            }
        }
        return new StaffingQuery(unitId, day, w, t);
    }

    /** The same weekday in each of the weeks before the day, the nearest first. */
    public List<LocalDate> history() {
        return IntStream.rangeClosed(1, weeks).mapToObj(i -> date.minusWeeks(i)).toList();
    }
}
