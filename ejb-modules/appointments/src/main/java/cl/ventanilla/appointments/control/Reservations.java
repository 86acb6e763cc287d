package cl.ventanilla.appointments.control;

import cl.ventanilla.appointments.boundary.Slot;
import cl.ventanilla.appointments.control.AppointmentSettings.ServiceInfo;
import cl.ventanilla.appointments.entity.Appointment;
import cl.ventanilla.appointments.entity.Appointment.Citizen;
import cl.ventanilla.appointments.entity.AppointmentBooked;
import cl.ventanilla.appointments.entity.AppointmentCancelled;
import cl.ventanilla.appointments.entity.AppointmentCancelled.CancelledBy;
import cl.ventanilla.appointments.entity.AppointmentException;
import cl.ventanilla.appointments.entity.AppointmentRescheduled;
import cl.ventanilla.appointments.entity.AppointmentState;
import cl.ventanilla.appointments.entity.BookingCode;
import cl.ventanilla.kernel.Rut;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactions that take and give back places: booking, moving and cancelling. Each takes the
 * citizen's lock and then the slot's ({@link CitizenLocks}), and only then counts places, caps and
 * blocks again from the database, so that a slot is never given to more citizens than it holds however
 * many ask at the same moment, on however many instances. Facts are announced inside the transaction.
 */
@Stateless
public class Reservations {

    @PersistenceContext(unitName = "appointments")
    EntityManager em;

    @Inject
    CitizenLocks locks;

    @Inject
    SlotPlanner planner;

    @Inject
    AppointmentSettings settings;

    @Inject
    Event<SlotsChanged> slotsChanged;

    @Inject
    Event<AppointmentBooked> booked;

    @Inject
    Event<AppointmentRescheduled> rescheduled;

    @Inject
    Event<AppointmentCancelled> cancelled;

    public Appointment book(ServiceInfo service, Rut rut, Citizen citizen, Instant start, String clientIp, Instant now) {
        locks.citizen(rut);
        refuseBlocked(rut, now);
        locks.slot(service.id(), start);
        LocalDate day = AppointmentClock.dayOf(start);
        Slot slot = planner.fresh(service, day).check(start, now);
        long activeInService = activeBookings(rut, Optional.of(service.id()), now);
        if (activeInService >= settings.maxActivePerService()) {
            throw AppointmentException.conflict("cap.service", settings.maxActivePerService(), service.name());
        }
        if (activeBookings(rut, Optional.empty(), now) >= settings.maxActive()) {
            throw AppointmentException.conflict("cap.total", settings.maxActive());
        }
        Appointment appointment = Appointment.book(uniqueCode(), service.unitId(), service.id(), rut, citizen,
                slot.start(), slot.end(), clientIp, now);
        em.persist(appointment);
        em.flush();
        slotsChanged.fire(new SlotsChanged(service.id(), day, day));
        booked.fire(new AppointmentBooked(BookingViews.summary(appointment, service)));
        return appointment;
    }

    /** Moves a booking; the old slot is given back only when the new one is taken, in one transaction. */
    public Appointment reschedule(String code, Rut rut, Instant newStart, String clientIp, Instant now) {
        locks.citizen(rut);
        Appointment previous = find(code, rut);
        previous.ensureMovable(now);
        ServiceInfo service = settings.bookableService(previous.getServiceId());
        locks.slot(service.id(), newStart);
        em.refresh(previous, LockModeType.PESSIMISTIC_WRITE);
        LocalDate day = AppointmentClock.dayOf(newStart);
        if (newStart.equals(previous.getStart())) {
            throw AppointmentException.invalid("reschedule.sameSlot");
        }
        Slot slot = planner.fresh(service, day).check(newStart, now);
        Appointment next = previous.rescheduleTo(uniqueCode(), slot.start(), slot.end(), clientIp, now);
        em.persist(next);
        em.flush();
        slotsChanged.fire(new SlotsChanged(service.id(), AppointmentClock.dayOf(previous.getStart()),
                AppointmentClock.dayOf(previous.getStart())));
        slotsChanged.fire(new SlotsChanged(service.id(), day, day));
        rescheduled.fire(new AppointmentRescheduled(BookingViews.summary(previous, service),
                BookingViews.summary(next, service)));
        return next;
    }

    public Appointment cancelByCitizen(String code, Rut rut, Instant now) {
        Appointment appointment = find(code, rut);
        em.refresh(appointment, LockModeType.PESSIMISTIC_WRITE);
        appointment.cancel(CancelledBy.CITIZEN, null, null, null, now);
        em.flush();
        ServiceInfo service = settings.service(appointment.getServiceId());
        LocalDate day = AppointmentClock.dayOf(appointment.getStart());
        slotsChanged.fire(new SlotsChanged(service.id(), day, day));
        cancelled.fire(new AppointmentCancelled(BookingViews.summary(appointment, service), CancelledBy.CITIZEN, null));
        return appointment;
    }

    /** The booking with that code and RUT; one answer whether the code or the RUT is wrong. */
    public Appointment find(String code, Rut rut) {
        String normalized = BookingCode.normalize(code);
        if (normalized.isEmpty() || normalized.length() > 16) {
            throw AppointmentException.notFound("booking.notFound");
        }
        List<Appointment> found = em.createQuery(
                "SELECT a FROM Appointment a WHERE a.code = :code AND a.rut = :rut", Appointment.class)
                .setParameter("code", normalized).setParameter("rut", rut.normalized()).getResultList();
        if (found.isEmpty()) {
            throw AppointmentException.notFound("booking.notFound");
        }
        return found.get(0);
    }

    private void refuseBlocked(Rut rut, Instant now) {
        Object until = em.createNativeQuery("""
                SELECT max(bloqueado_hasta) FROM bloqueos_ciudadanos
                WHERE rut_ciudadano = :rut AND levantado_en IS NULL AND bloqueado_desde <= :now AND bloqueado_hasta > :now""")
                .setParameter("rut", rut.normalized()).setParameter("now", now).getSingleResult();
        if (until != null) {
            throw AppointmentException.forbidden("citizen.blocked",
                    DayPlan.CHILEAN_DATE.format(AppointmentClock.dayOf(Columns.instant(until))));
        }
    }

    private long activeBookings(Rut rut, Optional<UUID> serviceId, Instant now) {
        return em.createQuery("""
                SELECT count(a) FROM Appointment a WHERE a.rut = :rut AND a.state = :confirmed AND a.start > :now
                AND (:anyService = true OR a.serviceId = :service)""", Long.class)
                .setParameter("rut", rut.normalized()).setParameter("confirmed", AppointmentState.CONFIRMED)
                .setParameter("now", now).setParameter("anyService", serviceId.isEmpty())
                .setParameter("service", serviceId.orElse(new UUID(0, 0))).getSingleResult();
    }

    /** A code no booking has; a collision (one in a trillion) just draws again. */
    private String uniqueCode() {
        while (true) {
            String code = BookingCode.random();
            Long taken = em.createQuery("SELECT count(a) FROM Appointment a WHERE a.code = :code", Long.class)
                    .setParameter("code", code).getSingleResult();
            if (taken == 0) {
                return code;
            }
        }
    }
}
