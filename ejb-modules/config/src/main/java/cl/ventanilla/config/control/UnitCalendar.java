package cl.ventanilla.config.control;

import cl.ventanilla.config.entity.Holiday;
import cl.ventanilla.config.entity.OpeningRange;
import cl.ventanilla.config.entity.TimeRange;
import cl.ventanilla.config.entity.UnitClosure;
import cl.ventanilla.config.entity.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * When a unit attends: its weekly opening hours, minus the active national holidays and the unit's own
 * closures. Times are wall-clock times in Santiago, where every unit is; an {@link Instant} is first
 * placed in {@link #ZONE}. A range is open from its opening minute and closed from its closing minute.
 * Plain Java, so the rule is tested without a container.
 */
public final class UnitCalendar {

    /** The municipality's time zone; daylight saving changes are the zone database's business. */
    public static final ZoneId ZONE = ZoneId.of("America/Santiago");

    /** How far {@link #nextOpening} looks: a year and a day covers every weekly schedule and holiday. */
    public static final int LOOK_AHEAD_DAYS = 366;

    private final WeeklySchedule schedule;
    private final Map<LocalDate, Holiday> holidays;
    private final List<UnitClosure> closures;

    /**
     * @param schedule the unit's weekly opening hours
     * @param holidays national holidays; the inactive ones are ignored
     * @param closures the unit's own closures
     */
    public UnitCalendar(WeeklySchedule schedule, Collection<Holiday> holidays, Collection<UnitClosure> closures) {
        this.schedule = schedule;
        this.holidays = holidays.stream().filter(Holiday::isActive)
                .collect(Collectors.toMap(Holiday::getDate, Function.identity(), (first, second) -> first));
        this.closures = List.copyOf(closures);
    }

    /**
     * The same unit open all day every day, holidays included, except on its own closures: how a demo or
     * test server that must issue tickets at any hour sees it.
     */
    public UnitCalendar closuresOnly() {
        List<OpeningRange> allDay = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            allDay.add(new OpeningRange(day, LocalTime.MIN, LocalTime.MAX));
        }
        return new UnitCalendar(new WeeklySchedule(allDay), List.of(), closures);
    }

    /** Why the unit does not attend that day when it is a holiday or one of its closures: the name or reason. */
    public Optional<String> closedBecause(LocalDate date) {
        return Optional.ofNullable(holidays.get(date)).map(Holiday::getName)
                .or(() -> closureOn(date).map(UnitClosure::getReason));
    }

    public boolean isOpen(LocalDateTime santiagoTime) {
        return openingRanges(santiagoTime.toLocalDate()).stream().anyMatch(r -> r.contains(santiagoTime.toLocalTime()));
    }

    public boolean isOpen(Instant instant) {
        return isOpen(LocalDateTime.ofInstant(instant, ZONE));
    }

    /** The hours the unit attends that day, in order; empty on holidays, closures and days without hours. */
    public List<TimeRange> openingRanges(LocalDate date) {
        if (holidays.containsKey(date) || closureOn(date).isPresent()) {
            return List.of();
        }
        return schedule.on(date.getDayOfWeek());
    }

    /** The days of the month on which the unit attends at some hour. */
    public List<LocalDate> openDays(YearMonth month) {
        List<LocalDate> open = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (!openingRanges(day).isEmpty()) {
                open.add(day);
            }
        }
        return open;
    }

    /**
     * When the unit opens next after a moment it is closed (or the moment itself when it is open): the
     * start of the next opening range, looking at most {@link #LOOK_AHEAD_DAYS} days ahead; empty when
     * the unit has no opening ahead in that time (no hours at all, or closed until further notice).
     */
    public Optional<LocalDateTime> nextOpening(LocalDateTime santiagoTime) {
        if (isOpen(santiagoTime)) {
            return Optional.of(santiagoTime);
        }
        LocalDate day = santiagoTime.toLocalDate();
        for (int i = 0; i <= LOOK_AHEAD_DAYS; i++, day = day.plusDays(1)) {
            for (TimeRange range : openingRanges(day)) {
                LocalDateTime opens = day.atTime(range.opens());
                if (opens.isAfter(santiagoTime)) {
                    return Optional.of(opens);
                }
            }
        }
        return Optional.empty();
    }

    /** One day as a calendar screen shows it: its hours, or why the unit is closed. */
    public CalendarDay day(LocalDate date) {
        Optional<String> holiday = Optional.ofNullable(holidays.get(date)).map(Holiday::getName);
        Optional<String> closure = closureOn(date).map(UnitClosure::getReason);
        List<TimeRange> hours = openingRanges(date);
        return new CalendarDay(date, !hours.isEmpty(), hours, holiday.orElse(null), closure.orElse(null));
    }

    /** Every day of the month, open or not. */
    public List<CalendarDay> days(YearMonth month) {
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            days.add(day(day));
        }
        return days;
    }

    private Optional<UnitClosure> closureOn(LocalDate date) {
        return closures.stream().filter(c -> c.covers(date)).findFirst();
    }
}
