package cl.ventanilla.statistics.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.kernel.DomainException;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class GroupingTest {

    private static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);

    @Test
    void aDayIsItsOwnPeriod() {
        assertEquals(THURSDAY, Grouping.DAY.start(THURSDAY));
        assertEquals(THURSDAY, Grouping.DAY.end(THURSDAY));
    }

    @Test
    void aWeekRunsFromMondayToSunday() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        assertEquals(monday, Grouping.WEEK.start(THURSDAY));
        assertEquals(monday, Grouping.WEEK.start(monday));
        assertEquals(monday, Grouping.WEEK.start(LocalDate.of(2026, 11, 29)), "Sunday closes the week");
        assertEquals(LocalDate.of(2026, 11, 29), Grouping.WEEK.end(monday));
        assertEquals(LocalDate.of(2026, 12, 28), Grouping.WEEK.start(LocalDate.of(2027, 1, 1)), "across the year");
    }

    @Test
    void aMonthIsTheCalendarMonth() {
        assertEquals(LocalDate.of(2026, 11, 1), Grouping.MONTH.start(THURSDAY));
        assertEquals(LocalDate.of(2026, 11, 30), Grouping.MONTH.end(LocalDate.of(2026, 11, 1)));
        assertEquals(LocalDate.of(2028, 2, 29), Grouping.MONTH.end(LocalDate.of(2028, 2, 1)), "leap year");
    }

    @Test
    void groupingsAndSplitsAreNamedInSpanishOrEnglish() {
        assertEquals(Grouping.WEEK, Grouping.named("semana").orElseThrow());
        assertEquals(Grouping.MONTH, Grouping.named("Month").orElseThrow());
        assertEquals(Grouping.DAY, Grouping.named(null).orElseThrow());
        assertTrue(Grouping.named("año").isEmpty());
        assertEquals(Dimension.STATION, Dimension.named("estación").orElseThrow());
        assertEquals(Dimension.OPERATOR, Dimension.named("operator").orElseThrow());
        assertTrue(Dimension.named("piso").isEmpty());
    }

    @Test
    void aPeriodIsAYearAtMostAndInOrder() {
        assertEquals(366, Period.parse("2028-01-01", "2028-12-31").days());
        DomainException reversed = assertThrows(DomainException.class, () -> Period.parse("2026-11-30", "2026-11-01"));
        assertEquals("period.reversed", reversed.key());
        assertTrue(reversed.messageIn(Locale.forLanguageTag("es-CL")).contains("posterior"),
                reversed.messageIn(Locale.forLanguageTag("es-CL")));
        assertEquals("period.tooLong", assertThrows(DomainException.class,
                () -> Period.parse("2026-01-01", "2027-01-02")).key());
        DomainException malformed = assertThrows(DomainException.class, () -> Period.parse("2026-13-01", "2026-12-01"));
        assertEquals("date.malformed", malformed.key());
        assertTrue(malformed.messageIn(Locale.ENGLISH).contains("YYYY-MM-DD"), malformed.messageIn(Locale.ENGLISH));
    }
}
