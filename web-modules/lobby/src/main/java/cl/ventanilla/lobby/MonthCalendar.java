package cl.ventanilla.lobby;

import cl.ventanilla.appointments.boundary.BookableDay;
import cl.ventanilla.appointments.boundary.DayState;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A month laid out in weeks from Monday to Sunday for the booking calendar: each cell a day of the month
 * with its availability, or an empty cell before the first and after the last day.
 */
public record MonthCalendar(YearMonth month, List<List<Cell>> weeks) {

    /** One square of the calendar; {@code day} is null for the padding cells. */
    public record Cell(LocalDate day, DayState state, int freeSlots) {

        public boolean isBookable() {
            return day != null && state == DayState.AVAILABLE;
        }

        /** The CSS class and the key of the day's state in the message bundle: {@code AVAILABLE}… */
        public String getStateName() {
            return state == null ? "NONE" : state.name();
        }
    }

    public static MonthCalendar of(YearMonth month, List<BookableDay> days) {
        Map<LocalDate, BookableDay> byDate = days.stream()
                .collect(Collectors.toMap(BookableDay::date, Function.identity(), (a, b) -> a));
        List<List<Cell>> weeks = new ArrayList<>();
        List<Cell> week = new ArrayList<>();
        int padding = month.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        for (int i = 0; i < padding; i++) {
            week.add(new Cell(null, null, 0));
        }
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            BookableDay known = byDate.get(date);
            week.add(known == null ? new Cell(date, DayState.OUT_OF_RANGE, 0)
                    : new Cell(date, known.state(), known.freeSlots()));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(new Cell(null, null, 0));
            }
            weeks.add(week);
        }
        return new MonthCalendar(month, weeks);
    }

    public boolean hasBookableDay() {
        return weeks.stream().flatMap(List::stream).anyMatch(Cell::isBookable);
    }
}
