package cl.ventanilla.statistics.entity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** A range of days, both included, of at most a year (366 days). */
public record Period(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    public Period {
        if (from == null || to == null) {
            throw StatisticsException.invalid("period.required");
        }
        if (from.isAfter(to)) {
            throw StatisticsException.invalid("period.reversed", from, to);
        }
        if (days(from, to) > MAX_DAYS) {
            throw StatisticsException.invalid("period.tooLong", MAX_DAYS);
        }
    }

    /** From the API's text ({@code 2026-11-01}); a malformed date is a clear refusal, not a parse error. */
    public static Period parse(String from, String to) {
        return new Period(date(from), date(to));
    }

    public long days() {
        return days(from, to);
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            throw StatisticsException.invalid("period.required");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw StatisticsException.invalid("date.malformed", text.strip());
        }
    }
}
