package cl.ventanilla.appointments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.appointments.boundary.DayState;
import cl.ventanilla.appointments.boundary.Slot;
import cl.ventanilla.appointments.entity.AppointmentException;
import cl.ventanilla.appointments.entity.BookingRules;
import cl.ventanilla.appointments.entity.OpeningHours;
import cl.ventanilla.kernel.DomainException.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DayPlanTest {

    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
    /** A Wednesday, far from the daylight-saving changes. */
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    private static final List<OpeningHours> SPLIT = List.of(
            new OpeningHours(LocalTime.of(14, 30), LocalTime.of(17, 0)),
            new OpeningHours(LocalTime.of(8, 30), LocalTime.of(13, 30)));
    private static final BookingRules RULES = new BookingRules(45, 30, 120);
    /** Two days before, at noon: the day is within the horizon and past the lead time. */
    private static final Instant BEFORE = at(DAY.minusDays(2), 12, 0);

    private static Instant at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), SANTIAGO).toInstant();
    }

    private static DayPlan plan(List<OpeningHours> hours, boolean closed, int capacity, Map<Instant, Integer> taken) {
        return new DayPlan(DAY, SANTIAGO, RULES, new DayPlan.Facts(hours, closed, capacity, taken));
    }

    @Test
    void splitHoursGiveSlotsThatEndWithinEachStretch() {
        List<Slot> grid = plan(SPLIT, false, 2, Map.of()).grid();
        List<LocalTime> starts = grid.stream().map(Slot::localStart).toList();
        // 08:30–13:30 in 45 minutes: 6 slots (the 7th would end at 13:45); 14:30–17:00: 3 slots (16:45 would end 17:30)
        assertEquals(List.of(LocalTime.of(8, 30), LocalTime.of(9, 15), LocalTime.of(10, 0), LocalTime.of(10, 45),
                LocalTime.of(11, 30), LocalTime.of(12, 15), LocalTime.of(14, 30), LocalTime.of(15, 15),
                LocalTime.of(16, 0)), starts);
        Slot first = grid.get(0);
        assertEquals(at(DAY, 8, 30), first.start());
        assertEquals(at(DAY, 9, 15), first.end());
        assertEquals(2, first.capacity());
        assertEquals(2, first.free());
    }

    @Test
    void aHolidayOrClosureOffersNothing() {
        DayPlan closed = plan(SPLIT, true, 2, Map.of());
        assertTrue(closed.grid().isEmpty());
        assertEquals(DayState.CLOSED, closed.summary(BEFORE).state());
        AppointmentException e = assertThrows(AppointmentException.class, () -> closed.check(at(DAY, 8, 30), BEFORE));
        assertEquals("day.closed", e.key());
        assertEquals(DayState.CLOSED, plan(List.of(), false, 2, Map.of()).summary(BEFORE).state());
    }

    @Test
    void takenPlacesReduceWhatIsFreeAndAFullSlotIsNotOffered() {
        DayPlan plan = plan(SPLIT, false, 2, Map.of(at(DAY, 8, 30), 2, at(DAY, 9, 15), 1));
        List<Slot> bookable = plan.bookable(BEFORE);
        assertEquals(8, bookable.size());
        assertEquals(at(DAY, 9, 15), bookable.get(0).start());
        assertEquals(1, bookable.get(0).free());
        assertEquals(8, plan.summary(BEFORE).freeSlots());
        AppointmentException taken = assertThrows(AppointmentException.class, () -> plan.check(at(DAY, 8, 30), BEFORE));
        assertEquals("slot.taken", taken.key());
        assertEquals(Kind.CONFLICT, taken.kind());
        assertEquals(at(DAY, 9, 15), plan.check(at(DAY, 9, 15), BEFORE).start());
    }

    @Test
    void capacityFollowsTheActiveStationsMinusTheWalkInReservation() {
        // three stations attend the service, one was deactivated, one is kept for walk-ins: one place per slot
        int active = 3 - 1;
        int walkIn = 1;
        DayPlan plan = plan(SPLIT, false, active - walkIn, Map.of(at(DAY, 8, 30), 1));
        assertEquals(1, plan.grid().get(1).capacity());
        assertEquals(0, plan.grid().get(0).free());
        // all stations kept for walk-ins (or deactivated): the day is full, never a negative capacity
        DayPlan none = plan(SPLIT, false, 1 - 2, Map.of());
        assertEquals(0, none.grid().get(0).capacity());
        assertEquals(DayState.FULL, none.summary(BEFORE).state());
        assertTrue(none.bookable(BEFORE).isEmpty());
    }

    @Test
    void theLeadTimeHidesSlotsTooCloseToNow() {
        DayPlan plan = plan(SPLIT, false, 1, Map.of());
        Instant morning = at(DAY, 9, 0); // with 120 minutes of notice, the first bookable slot is 11:30
        assertEquals(LocalTime.of(11, 30), plan.bookable(morning).get(0).localStart());
        assertEquals(5, plan.summary(morning).freeSlots());
        AppointmentException soon = assertThrows(AppointmentException.class, () -> plan.check(at(DAY, 10, 45), morning));
        assertEquals("slot.tooSoon", soon.key());
        AppointmentException past = assertThrows(AppointmentException.class, () -> plan.check(at(DAY, 8, 30), morning));
        assertEquals("slot.past", past.key());
        Instant late = at(DAY, 15, 30); // nothing left with enough notice
        assertEquals(DayState.OUT_OF_RANGE, plan.summary(late).state());
    }

    @Test
    void theHorizonEndsTheCalendar() {
        DayPlan plan = plan(SPLIT, false, 1, Map.of());
        Instant lastDayOfHorizon = at(DAY.minusDays(30), 8, 0);
        assertEquals(DayState.AVAILABLE, plan.summary(lastDayOfHorizon).state());
        Instant tooEarly = at(DAY.minusDays(31), 23, 0);
        assertEquals(DayState.OUT_OF_RANGE, plan.summary(tooEarly).state());
        assertTrue(plan.bookable(tooEarly).isEmpty());
        AppointmentException far = assertThrows(AppointmentException.class, () -> plan.check(at(DAY, 8, 30), tooEarly));
        assertEquals("slot.beyondHorizon", far.key());
        assertEquals(DayState.OUT_OF_RANGE, plan.summary(at(DAY.plusDays(1), 8, 0)).state(), "a past day");
    }

    @Test
    void aStartThatIsNotOnTheGridIsRefused() {
        DayPlan plan = plan(SPLIT, false, 1, Map.of());
        AppointmentException e = assertThrows(AppointmentException.class, () -> plan.check(at(DAY, 8, 40), BEFORE));
        assertEquals("slot.notOffered", e.key());
        AppointmentException lunch = assertThrows(AppointmentException.class, () -> plan.check(at(DAY, 13, 30), BEFORE));
        assertEquals("slot.notOffered", lunch.key());
    }

    @Test
    void slotsFollowTheLocalClockAcrossDaylightSavingChanges() {
        // Chile moves to summer time on the first Sunday of September at 00:00 (2026-09-06): 08:30 is UTC-3 that day
        LocalDate change = LocalDate.of(2026, 9, 6);
        DayPlan plan = new DayPlan(change, SANTIAGO, RULES,
                new DayPlan.Facts(List.of(new OpeningHours(LocalTime.of(8, 30), LocalTime.of(10, 0))), false, 1, Map.of()));
        assertEquals(Instant.parse("2026-09-06T11:30:00Z"), plan.grid().get(0).start());
        assertEquals(Instant.parse("2026-09-05T12:30:00Z"),
                new DayPlan(change.minusDays(1), SANTIAGO, RULES, new DayPlan.Facts(
                        List.of(new OpeningHours(LocalTime.of(8, 30), LocalTime.of(10, 0))), false, 1, Map.of()))
                        .grid().get(0).start());
    }
}
