package cl.ventanilla.config.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.kernel.DomainException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The invariants the configuration's entities and values keep by themselves. */
class ConfigurationRulesTest {

    private static OpeningRange range(DayOfWeek day, int fromHour, int fromMinute, int toHour, int toMinute) {
        return new OpeningRange(day, LocalTime.of(fromHour, fromMinute), LocalTime.of(toHour, toMinute));
    }

    @Test
    void overlappingRangesOfTheSameDayAreRefusedTouchingOnesAreNot() {
        ConfigException overlap = assertThrows(ConfigException.class, () -> new WeeklySchedule(List.of(
                range(DayOfWeek.MONDAY, 8, 30, 13, 30), range(DayOfWeek.MONDAY, 13, 0, 17, 0))));
        assertEquals("openingHours.overlap", overlap.key());
        assertEquals(DomainException.Kind.INVALID, overlap.kind());
        assertEquals("Los tramos 08:30–13:30 y 13:00–17:00 del lunes se superponen.",
                overlap.messageIn(DomainException.DEFAULT_LOCALE));
        assertEquals("The ranges 08:30–13:30 and 13:00–17:00 on Monday overlap.", overlap.messageIn(Locale.ENGLISH));

        WeeklySchedule touching = new WeeklySchedule(List.of(range(DayOfWeek.MONDAY, 13, 30, 17, 0),
                range(DayOfWeek.MONDAY, 8, 30, 13, 30), range(DayOfWeek.TUESDAY, 8, 30, 13, 30)));
        assertEquals(2, touching.on(DayOfWeek.MONDAY).size());
        assertEquals(LocalTime.of(8, 30), touching.ranges().get(0).opens(), "sorted by day and opening");
    }

    @Test
    void aRangeClosesAfterItOpens() {
        assertEquals("openingHours.emptyRange",
                assertThrows(ConfigException.class, () -> range(DayOfWeek.FRIDAY, 17, 0, 8, 30)).key());
        assertEquals("openingHours.emptyRange",
                assertThrows(ConfigException.class, () -> range(DayOfWeek.FRIDAY, 9, 0, 9, 0)).key());
        assertEquals("openingHours.incomplete",
                assertThrows(ConfigException.class, () -> new OpeningRange(null, LocalTime.NOON, LocalTime.MIDNIGHT)).key());
    }

    @Test
    void aClosureCannotEndBeforeItStarts() {
        UUID unit = UUID.randomUUID();
        ConfigException backwards = assertThrows(ConfigException.class, () -> new UnitClosure(unit,
                LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 23), "Inventario"));
        assertEquals("closure.endBeforeStart", backwards.key());
        assertEquals("El cierre termina (2026-12-23) antes de comenzar (2026-12-24).",
                backwards.messageIn(DomainException.DEFAULT_LOCALE));
        assertEquals("closure.reasonRequired", assertThrows(ConfigException.class, () -> new UnitClosure(unit,
                LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 24), " ")).key());
        UnitClosure oneDay = new UnitClosure(unit, LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 24), " Inventario ");
        assertTrue(oneDay.covers(LocalDate.of(2026, 12, 24)));
        assertFalse(oneDay.covers(LocalDate.of(2026, 12, 25)));
        assertEquals("Inventario", oneDay.getReason());
    }

    @Test
    void servicePrefixesAreOneOrTwoLettersInUpperCase() {
        Unit unit = new Unit(new Directorate("Dirección de Tránsito", null), "Licencias", null);
        MunicipalService service = new MunicipalService(unit, "  Renovación   de licencia ", " lc ");
        assertEquals("LC", service.getPrefix());
        assertEquals("Renovación de licencia", service.getName());
        for (String wrong : List.of("", "ABC", "1", "Ñ", "A-")) {
            assertEquals("service.prefix", assertThrows(ConfigException.class, () -> service.changePrefix(wrong)).key(),
                    wrong);
        }
        assertEquals("service.averageAttentionMinutes",
                assertThrows(ConfigException.class, () -> service.planAttention(0, 30, null)).key());
        assertEquals("service.dailyWalkInQuota",
                assertThrows(ConfigException.class, () -> service.planAttention(10, 30, -1)).key());
        service.planAttention(10, 30, null);
        assertEquals(null, service.getDailyWalkInQuota(), "no limit");
    }

    @Test
    void namesAreRequiredAndBounded() {
        assertEquals("name.required", assertThrows(ConfigException.class, () -> new Directorate("  ", null)).key());
        ConfigException tooLong = assertThrows(ConfigException.class, () -> new Directorate("x".repeat(121), null));
        assertEquals("name.tooLong", tooLong.key());
        assertEquals("The name can have up to 120 characters.", tooLong.messageIn(Locale.ENGLISH));
    }

    @Test
    void deactivatingAndActivatingFlipsTheFlagOnly() {
        Directorate directorate = new Directorate("DIDECO", "Desarrollo comunitario");
        directorate.deactivate();
        assertFalse(directorate.isActive());
        assertEquals("DIDECO", directorate.getName());
        directorate.activate();
        assertTrue(directorate.isActive());
    }

    @Test
    void aPriorityRuleKeepsAValidRatioAndMaximumWait() {
        PriorityRule rule = new PriorityRule(UUID.randomUUID(), List.of());
        assertEquals("1:2", rule.getRatio());
        rule.interleave(2, 3);
        assertEquals("2:3", rule.getRatio());
        assertEquals("priorityRule.ratio", assertThrows(ConfigException.class, () -> rule.interleave(0, 2)).key());
        assertEquals("priorityRule.maximumWait", assertThrows(ConfigException.class, () -> rule.promoteAfter(0)).key());
        rule.interleave(1, 0);
        assertEquals("1:0", rule.getRatio(), "1:0 is allowed: preferential tickets only while any waits");
    }
}
