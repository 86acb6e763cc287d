package cl.ventanilla.config.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.config.entity.Holiday;
import cl.ventanilla.config.entity.OpeningRange;
import cl.ventanilla.config.entity.TimeRange;
import cl.ventanilla.config.entity.UnitClosure;
import cl.ventanilla.config.entity.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When a unit attends, from its weekly hours, the national holidays and its own closures. */
class UnitCalendarTest {

    private static final UUID UNIT = UUID.randomUUID();
    // Monday 2026-12-07; Tuesday 2026-12-08 is Inmaculada Concepción.
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final LocalDate HOLIDAY = LocalDate.of(2026, 12, 8);

    /** Weekdays 08:30–13:30 and 14:30–17:00, Fridays until 16:00, Saturdays 09:00–13:00. */
    private static WeeklySchedule splitHours() {
        List<OpeningRange> ranges = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            ranges.add(new OpeningRange(day, LocalTime.of(14, 30), LocalTime.of(17, 0)));
            ranges.add(new OpeningRange(day, LocalTime.of(8, 30), LocalTime.of(13, 30)));
        }
        ranges.add(new OpeningRange(DayOfWeek.FRIDAY, LocalTime.of(8, 30), LocalTime.of(13, 30)));
        ranges.add(new OpeningRange(DayOfWeek.FRIDAY, LocalTime.of(14, 30), LocalTime.of(16, 0)));
        ranges.add(new OpeningRange(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(13, 0)));
        return new WeeklySchedule(ranges);
    }

    private static UnitCalendar calendar(List<Holiday> holidays, List<UnitClosure> closures) {
        return new UnitCalendar(splitHours(), holidays, closures);
    }

    private static UnitCalendar plain() {
        return calendar(List.of(), List.of());
    }

    @Test
    void theOpeningMinuteIsOpenAndTheClosingMinuteIsClosed() {
        UnitCalendar calendar = plain();
        assertFalse(calendar.isOpen(MONDAY.atTime(8, 29)));
        assertTrue(calendar.isOpen(MONDAY.atTime(8, 30)));
        assertTrue(calendar.isOpen(MONDAY.atTime(13, 29)));
        assertFalse(calendar.isOpen(MONDAY.atTime(13, 30)));
        assertTrue(calendar.isOpen(MONDAY.atTime(16, 59, 59)));
        assertFalse(calendar.isOpen(MONDAY.atTime(17, 0)));
    }

    @Test
    void splitHoursCloseAtLunch() {
        UnitCalendar calendar = plain();
        assertFalse(calendar.isOpen(MONDAY.atTime(14, 0)));
        assertTrue(calendar.isOpen(MONDAY.atTime(14, 30)));
        assertEquals(List.of(new TimeRange(LocalTime.of(8, 30), LocalTime.of(13, 30)),
                new TimeRange(LocalTime.of(14, 30), LocalTime.of(17, 0))), calendar.openingRanges(MONDAY),
                "ranges in order, whatever order they were given in");
    }

    @Test
    void fridaysCloseEarlierSaturdaysOnlyInTheMorningSundaysNot() {
        UnitCalendar calendar = plain();
        LocalDate friday = MONDAY.plusDays(4);
        assertTrue(calendar.isOpen(friday.atTime(15, 59)));
        assertFalse(calendar.isOpen(friday.atTime(16, 0)));
        LocalDate saturday = MONDAY.plusDays(5);
        assertTrue(calendar.isOpen(saturday.atTime(9, 0)));
        assertFalse(calendar.isOpen(saturday.atTime(14, 30)));
        LocalDate sunday = MONDAY.plusDays(6);
        assertEquals(List.of(), calendar.openingRanges(sunday));
        assertFalse(calendar.isOpen(sunday.atTime(10, 0)));
    }

    @Test
    void anActiveHolidayClosesTheWholeDayAnInactiveOneDoesNot() {
        Holiday inmaculada = new Holiday(HOLIDAY, "Inmaculada Concepción", false);
        UnitCalendar calendar = calendar(List.of(inmaculada), List.of());
        assertFalse(calendar.isOpen(HOLIDAY.atTime(10, 0)));
        assertEquals(List.of(), calendar.openingRanges(HOLIDAY));
        assertEquals("Inmaculada Concepción", calendar.day(HOLIDAY).holiday());
        assertTrue(calendar.isOpen(MONDAY.atTime(10, 0)), "the day before attends");

        inmaculada.deactivate();
        assertTrue(calendar(List.of(inmaculada), List.of()).isOpen(HOLIDAY.atTime(10, 0)));
    }

    @Test
    void aClosureClosesEveryDayOfItsRangeBothEndsIncluded() {
        LocalDate from = LocalDate.of(2026, 12, 14);
        LocalDate to = LocalDate.of(2026, 12, 16);
        UnitCalendar calendar = calendar(List.of(), List.of(new UnitClosure(UNIT, from, to, "Traslado de oficinas")));
        assertTrue(calendar.isOpen(from.minusDays(3).atTime(10, 0)), "Friday before");
        assertFalse(calendar.isOpen(from.atTime(10, 0)));
        assertFalse(calendar.isOpen(from.plusDays(1).atTime(10, 0)));
        assertFalse(calendar.isOpen(to.atTime(16, 0)));
        assertTrue(calendar.isOpen(to.plusDays(1).atTime(10, 0)), "Thursday after");
        CalendarDay closed = calendar.day(from);
        assertFalse(closed.open());
        assertEquals("Traslado de oficinas", closed.closure());
        assertNull(closed.holiday());
    }

    @Test
    void openDaysOfAMonthLeaveOutSundaysHolidaysAndClosures() {
        YearMonth december = YearMonth.of(2026, 12);
        UnitCalendar calendar = calendar(
                List.of(new Holiday(HOLIDAY, "Inmaculada Concepción", false),
                        new Holiday(LocalDate.of(2026, 12, 25), "Navidad", true)),
                List.of(new UnitClosure(UNIT, LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 2), "Inventario")));
        List<LocalDate> open = calendar.openDays(december);
        // 31 days − 4 Sundays − 2 holidays − 30 and 31 December closed = 23 (Saturdays attend)
        assertEquals(23, open.size(), open::toString);
        assertFalse(open.contains(HOLIDAY));
        assertFalse(open.contains(LocalDate.of(2026, 12, 6)), "Sunday");
        assertTrue(open.contains(LocalDate.of(2026, 12, 5)), "Saturday");
        assertFalse(open.contains(LocalDate.of(2026, 12, 31)));
        assertEquals(31, calendar.days(december).size());
    }

    @Test
    void theNextOpeningSkipsTheNightTheWeekendHolidaysAndClosures() {
        UnitCalendar calendar = calendar(List.of(new Holiday(HOLIDAY, "Inmaculada Concepción", false)),
                List.of(new UnitClosure(UNIT, LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 9), "Fumigación")));
        LocalDate sunday = MONDAY.minusDays(1);
        assertEquals(MONDAY.atTime(8, 30), calendar.nextOpening(sunday.atTime(23, 5)).orElseThrow());
        assertEquals(MONDAY.atTime(14, 30), calendar.nextOpening(MONDAY.atTime(13, 30)).orElseThrow(), "after lunch");
        assertEquals(MONDAY.atTime(10, 0), calendar.nextOpening(MONDAY.atTime(10, 0)).orElseThrow(), "open now");
        // Monday evening: Tuesday is a holiday and Wednesday closed, so Thursday
        assertEquals(LocalDate.of(2026, 12, 10).atTime(8, 30), calendar.nextOpening(MONDAY.atTime(17, 0)).orElseThrow());
        assertEquals(Optional.of("Inmaculada Concepción"), calendar.closedBecause(HOLIDAY));
        assertEquals(Optional.of("Fumigación"), calendar.closedBecause(LocalDate.of(2026, 12, 9)));
        assertEquals(Optional.empty(), calendar.closedBecause(MONDAY));
        assertTrue(new UnitCalendar(new WeeklySchedule(List.of()), List.of(), List.of())
                .nextOpening(MONDAY.atTime(9, 0)).isEmpty(), "no hours, no opening ahead");
    }

    @Test
    void closuresOnlyIsOpenAtAnyHourAndOnHolidaysButNotOnItsClosures() {
        UnitCalendar calendar = calendar(List.of(new Holiday(HOLIDAY, "Inmaculada Concepción", false)),
                List.of(new UnitClosure(UNIT, LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 9), "Fumigación")))
                .closuresOnly();
        assertTrue(calendar.isOpen(MONDAY.minusDays(1).atTime(23, 59, 59)));
        assertTrue(calendar.isOpen(HOLIDAY.atTime(3, 0)));
        assertFalse(calendar.isOpen(LocalDate.of(2026, 12, 9).atTime(12, 0)));
        assertEquals(LocalDate.of(2026, 12, 10).atStartOfDay(),
                calendar.nextOpening(LocalDate.of(2026, 12, 9).atTime(12, 0)).orElseThrow());
    }

    @Test
    void instantsAreReadInSantiagoTime() {
        UnitCalendar calendar = plain();
        // 08:30 in Santiago in December (summer time, UTC−3) is 11:30 UTC
        ZonedDateTime opening = MONDAY.atTime(8, 30).atZone(UnitCalendar.ZONE);
        assertEquals(11, opening.withZoneSameInstant(java.time.ZoneOffset.UTC).getHour());
        assertTrue(calendar.isOpen(opening.toInstant()));
        assertFalse(calendar.isOpen(opening.toInstant().minusSeconds(60)));
        // in July (winter time, UTC−4) the same wall-clock minute is 12:30 UTC
        LocalDateTime july = LocalDate.of(2026, 7, 6).atTime(8, 30);
        assertTrue(calendar.isOpen(july.atZone(UnitCalendar.ZONE).toInstant()));
    }
}
