package cl.ventanilla.appointments.boundary;

import cl.ventanilla.appointments.control.AppointmentClock;
import cl.ventanilla.appointments.control.AppointmentSettings;
import cl.ventanilla.appointments.control.AppointmentSettings.ServiceInfo;
import cl.ventanilla.appointments.control.DayPlan;
import cl.ventanilla.appointments.control.SlotPlanner;
import cl.ventanilla.appointments.entity.AppointmentException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a citizen can book: the services that take bookings, each day's state on the calendar, the free
 * slots of a day and the first free slot. Answers come from the cache when Redis has them and from the
 * database otherwise, the same either way; the booking itself re-checks under locks.
 */
@Stateless
public class Availability {

    /** Longest calendar range asked at once: two months. */
    public static final int MAX_DAYS = 62;

    @Inject
    AppointmentSettings settings;

    @Inject
    SlotPlanner planner;

    @Inject
    AppointmentClock clock;

    /** Active services taking bookings in active units, by directorate, unit and service. */
    public List<BookableService> services() {
        return settings.bookableServices().stream()
                .map(s -> new BookableService(s.directorateId(), s.directorateName(), s.unitId(), s.unitName(),
                        s.unitAddress(), s.id(), s.name(), s.description(), s.requirements(), s.rules().slotMinutes()))
                .toList();
    }

    /** Each date from {@code from} to {@code to}, inclusive (at most {@value #MAX_DAYS} days). */
    public List<BookableDay> days(@NotNull(message = "{ventanilla.appointments.service.required}") UUID serviceId,
            @NotNull(message = "{ventanilla.appointments.from.required}") LocalDate from,
            @NotNull(message = "{ventanilla.appointments.to.required}") LocalDate to) {
        if (to.isBefore(from)) {
            throw AppointmentException.invalid("range.reversed");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw AppointmentException.invalid("range.tooLong", MAX_DAYS);
        }
        ServiceInfo service = settings.bookableService(serviceId);
        Instant now = clock.now();
        return planner.plans(service, from, to).values().stream().map(p -> p.summary(now)).toList();
    }

    /** The slots of that day that can still be booked, with a free place. */
    public List<Slot> slots(@NotNull(message = "{ventanilla.appointments.service.required}") UUID serviceId,
            @NotNull(message = "{ventanilla.appointments.day.required}") LocalDate day) {
        ServiceInfo service = settings.bookableService(serviceId);
        return planner.plans(service, day, day).get(day).bookable(clock.now());
    }

    /** The earliest slot that can be booked within the service's horizon. */
    public Optional<Slot> firstFree(@NotNull(message = "{ventanilla.appointments.service.required}") UUID serviceId) {
        ServiceInfo service = settings.bookableService(serviceId);
        Instant now = clock.now();
        LocalDate today = AppointmentClock.dayOf(now);
        LocalDate last = today.plusDays(service.rules().horizonDays());
        for (LocalDate from = today; !from.isAfter(last); from = from.plusDays(MAX_DAYS)) {
            LocalDate to = from.plusDays(MAX_DAYS - 1L).isAfter(last) ? last : from.plusDays(MAX_DAYS - 1L);
            for (DayPlan plan : planner.plans(service, from, to).values()) {
                List<Slot> free = plan.bookable(now);
                if (!free.isEmpty()) {
                    return Optional.of(free.get(0));
                }
            }
        }
        return Optional.empty();
    }
}
