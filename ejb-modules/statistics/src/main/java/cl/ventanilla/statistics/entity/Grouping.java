package cl.ventanilla.statistics.entity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/** How the days of a range are grouped: each day, ISO week (from Monday) or calendar month. */
public enum Grouping {
    DAY("day"), WEEK("week"), MONTH("month");

    private final String sqlUnit;

    Grouping(String sqlUnit) {
        this.sqlUnit = sqlUnit;
    }

    /** The {@code date_trunc} unit that gives the same first day as {@link #start}. */
    public String sqlUnit() {
        return sqlUnit;
    }

    /** The first day of the period holding the day. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The last day of the period that starts on the given day. */
    public LocalDate end(LocalDate start) {
        return switch (this) {
            case DAY -> start;
            case WEEK -> start.plusDays(6);
            case MONTH -> start.plusMonths(1).minusDays(1);
        };
    }

    /** By the API's names ({@code dia}, {@code semana}, {@code mes}, or the English ones). */
    public static Optional<Grouping> named(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(DAY);
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "dia", "día", "day" -> Optional.of(DAY);
            case "semana", "week" -> Optional.of(WEEK);
            case "mes", "month" -> Optional.of(MONTH);
            default -> Optional.empty();
        };
    }
}
