package cl.ventanilla.appointments.control;

import cl.ventanilla.appointments.boundary.BookableDay;
import cl.ventanilla.appointments.boundary.DayState;
import cl.ventanilla.appointments.boundary.Slot;
import cl.ventanilla.appointments.entity.AppointmentException;
import cl.ventanilla.appointments.entity.BookingRules;
import cl.ventanilla.appointments.entity.OpeningHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The slots of one service on one day, worked out from plain facts (opening hours of that weekday,
 * whether the unit is closed, the capacity of a slot, the places already taken) and the booking rules;
 * no database, no container, so every rule can be tested on its own. Which of them a citizen may book
 * depends on the moment they ask, so that is a parameter of each question.
 */
public final class DayPlan {

    /** Date as Chileans write it, for messages. */
    public static final DateTimeFormatter CHILEAN_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /**
     * What the database says about a service's day.
     *
     * @param hours    the unit's opening hours that weekday (several when the day is split)
     * @param closed   a holiday or a closure of the unit
     * @param capacity citizens per slot: active stations attending the service minus those kept for walk-ins
     * @param taken    bookings holding a place, by slot start
     */
    public record Facts(List<OpeningHours> hours, boolean closed, int capacity, Map<Instant, Integer> taken) {
        public Facts {
            hours = hours.stream().sorted(Comparator.comparing(OpeningHours::opens)).toList();
            capacity = Math.max(0, capacity);
            taken = Map.copyOf(taken);
        }
    }

    private final LocalDate day;
    private final ZoneId zone;
    private final BookingRules rules;
    private final Facts facts;

    public DayPlan(LocalDate day, ZoneId zone, BookingRules rules, Facts facts) {
        this.day = Objects.requireNonNull(day, "day");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    public LocalDate day() {
        return day;
    }

    /**
     * Every slot the opening hours give that day, booked or not, whatever the time: from each opening, in
     * steps of the slot length, as long as the slot ends by the closing time. None when the unit is closed.
     */
    public List<Slot> grid() {
        if (facts.closed()) {
            return List.of();
        }
        List<Slot> slots = new ArrayList<>();
        for (OpeningHours hours : facts.hours()) {
            int closes = hours.closes().toSecondOfDay() / 60;
            for (int m = hours.opens().toSecondOfDay() / 60; m + rules.slotMinutes() <= closes; m += rules.slotMinutes()) {
                LocalTime t = LocalTime.ofSecondOfDay(m * 60L);
                Instant start = ZonedDateTime.of(day, t, zone).toInstant();
                Instant end = start.plusSeconds(rules.slotMinutes() * 60L);
                int free = Math.max(0, facts.capacity() - facts.taken().getOrDefault(start, 0));
                slots.add(new Slot(start, end, t, facts.capacity(), free));
            }
        }
        return slots;
    }

    /** The slots a citizen asking at {@code now} may book: in the window, with a free place. */
    public List<Slot> bookable(Instant now) {
        if (!withinHorizon(now)) {
            return List.of();
        }
        return grid().stream().filter(s -> s.free() > 0 && !s.start().isBefore(earliestStart(now))).toList();
    }

    /** The day as the calendar shows it to a citizen asking at {@code now}. */
    public BookableDay summary(Instant now) {
        if (!withinHorizon(now)) {
            return new BookableDay(day, DayState.OUT_OF_RANGE, 0);
        }
        List<Slot> grid = grid();
        if (grid.isEmpty()) {
            return new BookableDay(day, DayState.CLOSED, 0);
        }
        List<Slot> inWindow = grid.stream().filter(s -> !s.start().isBefore(earliestStart(now))).toList();
        if (inWindow.isEmpty()) {
            return new BookableDay(day, DayState.OUT_OF_RANGE, 0);
        }
        int free = (int) inWindow.stream().filter(s -> s.free() > 0).count();
        return new BookableDay(day, free > 0 ? DayState.AVAILABLE : DayState.FULL, free);
    }

    /**
     * The slot starting at {@code start}, when a citizen asking at {@code now} may book it; otherwise the
     * reason why not, as an {@link AppointmentException} they can read (a taken slot is a 409, the rest
     * are wrong input).
     */
    public Slot check(Instant start, Instant now) {
        if (!start.isAfter(now)) {
            throw AppointmentException.invalid("slot.past");
        }
        if (day.isAfter(lastDay(now))) {
            throw AppointmentException.invalid("slot.beyondHorizon", rules.horizonDays(),
                    CHILEAN_DATE.format(lastDay(now)));
        }
        if (facts.closed() || facts.hours().isEmpty()) {
            throw AppointmentException.invalid("day.closed", CHILEAN_DATE.format(day));
        }
        Optional<Slot> slot = grid().stream().filter(s -> s.start().equals(start)).findFirst();
        if (slot.isEmpty()) {
            throw AppointmentException.invalid("slot.notOffered");
        }
        if (start.isBefore(earliestStart(now))) {
            throw AppointmentException.invalid("slot.tooSoon", rules.leadMinutes());
        }
        if (slot.get().free() <= 0) {
            throw AppointmentException.conflict("slot.taken");
        }
        return slot.get();
    }

    private Instant earliestStart(Instant now) {
        return now.plusSeconds(rules.leadMinutes() * 60L);
    }

    private LocalDate lastDay(Instant now) {
        return LocalDate.ofInstant(now, zone).plusDays(rules.horizonDays());
    }

    private boolean withinHorizon(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return !day.isBefore(today) && !day.isAfter(lastDay(now));
    }
}
