package cl.ventanilla.statistics.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StaffingQueryTest {

    private static final String UNIT = "20000000-0000-4000-8000-000000000003";

    @Test
    void defaultsAndTheSameWeekdayOfTheWeeksBefore() {
        StaffingQuery q = StaffingQuery.parse(UNIT, "2026-12-07", null, " ");
        assertEquals(UUID.fromString(UNIT), q.unitId());
        assertEquals(4, q.weeks());
        assertEquals(0.8, q.target());
        assertEquals(List.of(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 16),
                LocalDate.of(2026, 11, 9)), q.history());
        assertEquals(12, StaffingQuery.parse(UNIT, "2026-12-07", "12", "0.95").history().size());
    }

    @Test
    void aTargetAsAShareWithAPointOrAComma() {
        assertEquals(0.9, StaffingQuery.parse(UNIT, "2026-12-07", "4", "0,9").target());
        assertEquals(0.85, StaffingQuery.parse(UNIT, "2026-12-07", "4", "85 %").target(), 1e-12);
    }

    @Test
    void badInputIsRefusedInTheUsersLanguage() {
        assertRefused("date.malformed", "no es válida", () -> StaffingQuery.parse(UNIT, "2026-02-30", null, null));
        assertRefused("day.required", "Indique el día", () -> StaffingQuery.parse(UNIT, "", null, null));
        assertRefused("unit.required", "Indique la unidad", () -> StaffingQuery.parse(null, "2026-12-07", null, null));
        assertRefused("id.malformed", "identificador", () -> StaffingQuery.parse("abc", "2026-12-07", null, null));
        for (String weeks : List.of("0", "13", "-1", "cuatro", "4.5")) {
            assertRefused("weeks.range", "semanas", () -> StaffingQuery.parse(UNIT, "2026-12-07", weeks, null));
        }
        for (String target : List.of("0", "1", "1.2", "-0.5", "ochenta", "NaN", "100%")) {
            assertRefused("target.range", "La meta", () -> StaffingQuery.parse(UNIT, "2026-12-07", null, target));
        }
        StatisticsException english = assertThrows(StatisticsException.class,
                () -> StaffingQuery.parse(UNIT, "2026-12-07", "13", null));
        assertTrue(english.messageIn(Locale.ENGLISH).contains("weeks of history must be a whole number from 1 to 12"),
                english.messageIn(Locale.ENGLISH));
    }

    private static void assertRefused(String key, String spanish, Runnable parse) {
        StatisticsException e = assertThrows(StatisticsException.class, parse::run);
        String message = e.messageIn(Locale.forLanguageTag("es-CL"));
        assertTrue(message.contains(spanish), key + ": " + message);
    }
}
