package cl.ventanilla.appointments.boundary;

import cl.ventanilla.appointments.control.AppointmentClock;
import cl.ventanilla.appointments.control.AppointmentSettings;
import cl.ventanilla.appointments.control.AppointmentSettings.ServiceInfo;
import cl.ventanilla.appointments.control.BookingViews;
import cl.ventanilla.appointments.control.CitizenLocks;
import cl.ventanilla.appointments.control.DayPlan;
import cl.ventanilla.appointments.control.SlotPlanner;
import cl.ventanilla.appointments.control.SlotsChanged;
import cl.ventanilla.appointments.entity.Appointment;
import cl.ventanilla.appointments.entity.AppointmentCancelled;
import cl.ventanilla.appointments.entity.AppointmentNoShow;
import cl.ventanilla.appointments.entity.AppointmentCancelled.CancelledBy;
import cl.ventanilla.appointments.entity.AppointmentException;
import cl.ventanilla.appointments.entity.AppointmentState;
import cl.ventanilla.kernel.Rut;
import cl.ventanilla.kernel.audit.AuditEvent;
import cl.ventanilla.kernel.staff.StaffUnits;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The staff's side of the appointments: the day's bookings of a unit, marking a citizen who did not
 * come (which blocks them from booking after too many), and cancelling a range of days when the unit has
 * to close unexpectedly, telling each citizen why.
 */
@Stateless
public class AppointmentDesk {

    /** Longest closure registered at once: a year. */
    public static final int MAX_CLOSURE_DAYS = 366;

    @PersistenceContext(unitName = "appointments")
    EntityManager em;

    @Inject
    AppointmentSettings settings;

    @Inject
    CitizenLocks locks;

    @Inject
    AppointmentClock clock;

    @Inject
    Event<SlotsChanged> slotsChanged;

    @Inject
    Event<AppointmentCancelled> cancelled;

    @Inject
    Event<AppointmentNoShow> noShows;

    @Inject
    Event<AuditEvent> audit;

    @Resource
    SessionContext session;

    @Inject
    StaffUnits staffUnits;

    /**
     * The bookings of the unit's day (of one service, or all when {@code serviceId} is null), by start.
     * Moved bookings (REPROGRAMADO) are left out: their new booking is listed on its own day.
     */
    public List<BookingView> day(@NotNull(message = "{ventanilla.appointments.unit.required}") UUID unitId,
            UUID serviceId, @NotNull(message = "{ventanilla.appointments.day.required}") LocalDate day) {
        if (!settings.unitExists(unitId)) {
            throw AppointmentException.notFound("unit.notFound");
        }
        ensureCallerWorksAt(unitId);
        List<Appointment> appointments = em.createQuery("""
                SELECT a FROM Appointment a WHERE a.unitId = :unit AND a.start >= :from AND a.start < :to
                AND a.state <> :moved AND (:allServices = true OR a.serviceId = :service)
                ORDER BY a.start, a.code""", Appointment.class)
                .setParameter("unit", unitId).setParameter("from", SlotPlanner.startOf(day))
                .setParameter("to", SlotPlanner.startOf(day.plusDays(1)))
                .setParameter("moved", AppointmentState.RESCHEDULED)
                .setParameter("allServices", serviceId == null)
                .setParameter("service", serviceId == null ? new UUID(0, 0) : serviceId)
                .getResultList();
        Map<UUID, ServiceInfo> services = new HashMap<>();
        Instant now = clock.now();
        return appointments.stream()
                .map(a -> BookingViews.view(a, services.computeIfAbsent(a.getServiceId(), settings::service), now))
                .toList();
    }

    /**
     * Marks that the citizen did not come (only a CONFIRMADO booking whose hour has started). When that
     * makes {@code agendamiento.inasistencias_para_bloqueo} no-shows within
     * {@code agendamiento.ventana_inasistencias_dias}, the RUT is blocked from booking for
     * {@code agendamiento.dias_bloqueo} days.
     */
    public BookingView markNoShow(@NotNull(message = "{ventanilla.appointments.booking.required}") UUID appointmentId,
            UUID staffUserId) {
        Instant now = clock.now();
        Appointment appointment = Optional.ofNullable(em.find(Appointment.class, appointmentId))
                .orElseThrow(() -> AppointmentException.notFound("booking.notFound"));
        ensureCallerWorksAt(appointment.getUnitId());
        Rut rut = Rut.of(appointment.getRut());
        locks.citizen(rut);
        em.refresh(appointment, LockModeType.PESSIMISTIC_WRITE);
        appointment.markNoShow(staffUserId, now);
        em.flush();
        noShows.fire(new AppointmentNoShow(appointment.getId(), appointment.getUnitId(), appointment.getServiceId(),
                appointment.getStart()));
        blockIfTooManyNoShows(rut, staffUserId, now);
        LocalDate day = AppointmentClock.dayOf(appointment.getStart());
        slotsChanged.fire(new SlotsChanged(appointment.getServiceId(), day, day));
        return BookingViews.view(appointment, settings.service(appointment.getServiceId()), now);
    }

    /**
     * An unexpected closure of the unit from {@code from} to {@code to}: records it in
     * {@code cierres_unidad} (no slots are offered those days any more), cancels every CONFIRMADO booking
     * of those days and tells each citizen the reason. Returns how many bookings were cancelled.
     */
    public int cancelRange(@NotNull(message = "{ventanilla.appointments.unit.required}") UUID unitId,
            @NotNull(message = "{ventanilla.appointments.from.required}") LocalDate from,
            @NotNull(message = "{ventanilla.appointments.to.required}") LocalDate to,
            @NotBlank(message = "{ventanilla.appointments.reason.required}")
            @Size(max = Appointment.REASON_LENGTH, message = "{ventanilla.appointments.reason.size}") String reason,
            UUID staffUserId) {
        if (to.isBefore(from)) {
            throw AppointmentException.invalid("range.reversed");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_CLOSURE_DAYS) {
            throw AppointmentException.invalid("range.tooLong", MAX_CLOSURE_DAYS);
        }
        if (!settings.unitExists(unitId)) {
            throw AppointmentException.notFound("unit.notFound");
        }
        Instant now = clock.now();
        UUID closureId = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO cierres_unidad (id, unidad_id, fecha_desde, fecha_hasta, motivo, creado_por_id)
                VALUES (:id, :unit, :from, :to, :reason, :staff)""")
                .setParameter("id", closureId).setParameter("unit", unitId).setParameter("from", from)
                .setParameter("to", to).setParameter("reason", reason.strip())
                .setParameter("staff", staffUserId).executeUpdate();
        // a change of the unit's calendar like any other: audited, and the configuration's read model (which
        // the kiosk asks whether the unit is open) is dropped on every instance after the commit
        audit.fire(new AuditEvent("CREAR", "cierres_unidad", closureId.toString(), "Cierre de la unidad del " + from
                + " al " + to + " («" + reason.strip() + "»), con cancelación de sus reservas", null,
                Json.createObjectBuilder().add("unitId", unitId.toString()).add("from", from.toString())
                        .add("to", to.toString()).add("reason", reason.strip()).build().toString()));
        // rows locked in one order (start, id): two closures of the same unit never wait on each other in a circle
        List<Appointment> affected = em.createQuery("""
                SELECT a FROM Appointment a WHERE a.unitId = :unit AND a.state = :confirmed
                AND a.start >= :from AND a.start < :to ORDER BY a.start, a.id""", Appointment.class)
                .setParameter("unit", unitId).setParameter("confirmed", AppointmentState.CONFIRMED)
                .setParameter("from", SlotPlanner.startOf(from)).setParameter("to", SlotPlanner.startOf(to.plusDays(1)))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        Map<UUID, ServiceInfo> services = new HashMap<>();
        for (Appointment appointment : affected) {
            appointment.cancel(CancelledBy.CLOSURE, reason.strip(), staffUserId, closureId, now);
        }
        em.flush();
        for (Appointment appointment : affected) {
            ServiceInfo service = services.computeIfAbsent(appointment.getServiceId(), settings::service);
            cancelled.fire(new AppointmentCancelled(BookingViews.summary(appointment, service), CancelledBy.CLOSURE,
                    reason.strip()));
        }
        for (UUID serviceId : settings.servicesOf(unitId)) {
            slotsChanged.fire(new SlotsChanged(serviceId, from, to));
        }
        return affected.size();
    }

    /**
     * An operator sees and marks only the bookings of the units they work at (usuario_unidades), since the
     * list names citizens; supervisors and administrators see every unit.
     */
    private void ensureCallerWorksAt(UUID unitId) {
        if (!staffUnits.mayActAt(unitId)) {
            throw AppointmentException.forbidden("unit.notYours");
        }
    }

    /** The signed-in staff member's user id, when the caller is one (the principal's name is the RUT). */
    public Optional<UUID> callerId() {
        Principal caller = session.getCallerPrincipal();
        if (caller == null || !Rut.isValid(caller.getName())) {
            return Optional.empty();
        }
        return em.createNativeQuery("SELECT id FROM usuarios WHERE rut = :rut", UUID.class)
                .setParameter("rut", Rut.of(caller.getName()).normalized()).getResultList().stream()
                .map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString())).findFirst();
    }

    private void blockIfTooManyNoShows(Rut rut, UUID staffUserId, Instant now) {
        int threshold = settings.noShowsForBlock();
        if (threshold <= 0) {
            return;
        }
        int windowDays = settings.noShowWindowDays();
        // no-shows already punished by an earlier block do not count again
        long noShows = ((Number) em.createNativeQuery("""
                SELECT count(*) FROM agendamientos a
                WHERE a.rut_ciudadano = :rut AND a.estado = 'NO_SE_PRESENTO' AND a.fecha_hora_inicio >= :since
                AND a.fecha_hora_inicio > COALESCE((SELECT max(b.bloqueado_desde) FROM bloqueos_ciudadanos b
                                                    WHERE b.rut_ciudadano = :rut), '-infinity')""")
                .setParameter("rut", rut.normalized()).setParameter("since", now.minus(windowDays, ChronoUnit.DAYS))
                .getSingleResult()).longValue();
        if (noShows < threshold) {
            return;
        }
        Instant until = now.plus(settings.blockDays(), ChronoUnit.DAYS);
        em.createNativeQuery("""
                INSERT INTO bloqueos_ciudadanos (rut_ciudadano, motivo, origen, bloqueado_desde, bloqueado_hasta, creado_por_id)
                VALUES (:rut, :reason, 'INASISTENCIAS', :from, :until, :staff)""")
                .setParameter("rut", rut.normalized())
                .setParameter("reason", noShows + " inasistencias en " + windowDays + " días (hasta el "
                        + DayPlan.CHILEAN_DATE.format(AppointmentClock.dayOf(until)) + ")")
                .setParameter("from", now).setParameter("until", until).setParameter("staff", staffUserId)
                .executeUpdate();
    }
}
