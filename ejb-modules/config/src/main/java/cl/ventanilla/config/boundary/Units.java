package cl.ventanilla.config.boundary;

import cl.ventanilla.config.control.AuditTrail;
import cl.ventanilla.config.control.SearchText;
import cl.ventanilla.config.control.UnitCalendar;
import cl.ventanilla.config.entity.ConfigException;
import cl.ventanilla.config.entity.Directorate;
import cl.ventanilla.config.entity.Holiday;
import cl.ventanilla.config.entity.Unit;
import cl.ventanilla.config.entity.UnitClosure;
import cl.ventanilla.config.entity.WeeklySchedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The offices where citizens are attended: their details, weekly opening hours, closures and the
 * calendar that results. Units are deactivated, never deleted. Every change goes to the audit log.
 */
@Stateless
public class Units {

    private static final Comparator<Unit> ORDER = Comparator
            .comparing((Unit u) -> u.getDirectorate().getName(), SearchText.SPANISH_ORDER)
            .thenComparing(Unit::getName, SearchText.SPANISH_ORDER);

    @PersistenceContext(unitName = "config")
    EntityManager em;

    @Inject
    AuditTrail audit;

    /**
     * Units whose name, address or directorate contains every word of {@code text} (ignoring case and
     * accents), by directorate and name.
     *
     * @param directorateId {@code null} for every directorate
     * @param active        {@code null} for all, otherwise only the active or only the inactive ones
     */
    public Page<Unit> search(String text, UUID directorateId, Boolean active, int page, int size) {
        Page.check(page, size);
        return Page.of(units(directorateId, active).stream()
                .filter(u -> SearchText.matches(text, u.getName(), u.getAddress(), u.getDirectorate().getName()))
                .toList(), page, size);
    }

    /** The active units of active directorates, as the portal lists them. */
    public List<Unit> active(UUID directorateId) {
        return units(directorateId, true).stream().filter(u -> u.getDirectorate().isActive()).toList();
    }

    /** The unit with its directorate loaded. */
    public Optional<Unit> find(UUID id) {
        return em.createQuery("SELECT u FROM Unit u JOIN FETCH u.directorate WHERE u.id = :id", Unit.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    public Unit get(UUID id) {
        return find(id).orElseThrow(() -> ConfigException.notFound("unit.notFound", id));
    }

    public Unit create(@NotNull @Valid UnitDetails details) {
        Directorate directorate = activeDirectorate(details.directorateId());
        refuseDuplicateName(directorate, details.name(), null);
        Unit unit = new Unit(directorate, details.name(), details.address());
        unit.changeContact(details.address(), details.phone(), details.email());
        em.persist(unit);
        audit.created(unit);
        return unit;
    }

    /** Changes the unit's name, contact details and, in a reorganization, its directorate. */
    public Unit update(UUID id, @NotNull @Valid UnitDetails details) {
        Unit unit = get(id);
        Directorate directorate = unit.getDirectorate().getId().equals(details.directorateId())
                ? unit.getDirectorate() : activeDirectorate(details.directorateId());
        refuseDuplicateName(directorate, details.name(), id);
        JsonObject before = unit.snapshot();
        unit.moveTo(directorate);
        unit.rename(details.name());
        unit.changeContact(details.address(), details.phone(), details.email());
        audit.changed(unit, before);
        return unit;
    }

    /** Deactivates the unit: it leaves the portal and the kiosks; its services and history stay. */
    public Unit deactivate(UUID id) {
        Unit unit = get(id);
        JsonObject before = unit.snapshot();
        unit.deactivate();
        audit.deactivated(unit, before);
        return unit;
    }

    public Unit activate(UUID id) {
        Unit unit = get(id);
        JsonObject before = unit.snapshot();
        unit.activate();
        audit.activated(unit, before);
        return unit;
    }

    public WeeklySchedule openingHours(UUID unitId) {
        return get(unitId).getOpeningHours();
    }

    /** Replaces the unit's weekly opening hours; overlapping ranges were refused when the schedule was made. */
    public WeeklySchedule changeOpeningHours(UUID unitId, @NotNull WeeklySchedule schedule) {
        Unit unit = get(unitId);
        JsonObject before = unit.getOpeningHours().snapshot();
        unit.changeOpeningHours(schedule);
        audit.changed(unit, "Modificación del horario de " + unit.auditLabel(), before, schedule.snapshot());
        return unit.getOpeningHours();
    }

    /** The unit's closures, by first day. */
    public List<UnitClosure> closures(UUID unitId) {
        get(unitId);
        return em.createQuery("SELECT c FROM UnitClosure c WHERE c.unitId = :unit ORDER BY c.firstDay, c.lastDay",
                UnitClosure.class).setParameter("unit", unitId).getResultList();
    }

    /** Closes the unit from one day to another (both included) for the reason given to citizens. */
    public UnitClosure close(UUID unitId, @NotNull @Valid ClosureDetails details) {
        Unit unit = get(unitId);
        UnitClosure closure = new UnitClosure(unit.getId(), details.from(), details.to(), details.reason());
        em.persist(closure);
        audit.created(closure, "Creación del cierre de " + unit.auditLabel() + " del " + closure.getFrom()
                + " al " + closure.getTo() + " («" + closure.getReason() + "»)");
        return closure;
    }

    /** When the unit attends: its weekly hours minus the active holidays and its closures. */
    public UnitCalendar calendar(UUID unitId) {
        Unit unit = get(unitId);
        List<Holiday> holidays = em.createQuery("SELECT h FROM Holiday h WHERE h.active = true", Holiday.class)
                .getResultList();
        List<UnitClosure> closures = em.createQuery("SELECT c FROM UnitClosure c WHERE c.unitId = :unit",
                UnitClosure.class).setParameter("unit", unitId).getResultList();
        return new UnitCalendar(unit.getOpeningHours(), holidays, closures);
    }

    /** Every day of a month of the unit's calendar. */
    public CalendarMonth month(UUID unitId, @NotNull YearMonth month) {
        Unit unit = get(unitId);
        return new CalendarMonth(unit.getId(), unit.isActive(), month.toString(), calendar(unitId).days(month));
    }

    private List<Unit> units(UUID directorateId, Boolean active) {
        return em.createQuery("SELECT u FROM Unit u JOIN FETCH u.directorate", Unit.class).getResultStream()
                .filter(u -> directorateId == null || u.getDirectorate().getId().equals(directorateId))
                .filter(u -> active == null || u.isActive() == active)
                .sorted(ORDER).toList();
    }

    private Directorate activeDirectorate(UUID id) {
        Directorate directorate = Optional.ofNullable(id).map(key -> em.find(Directorate.class, key))
                .orElseThrow(() -> ConfigException.notFound("directorate.notFound", id));
        if (!directorate.isActive()) {
            throw ConfigException.invalid("unit.directorateInactive", directorate.getName());
        }
        return directorate;
    }

    // Checked before the entity changes, so the query does not flush a duplicate into the unique constraint.
    private void refuseDuplicateName(Directorate directorate, String name, UUID except) {
        boolean taken = em.createQuery("SELECT u FROM Unit u WHERE u.directorate = :directorate", Unit.class)
                .setParameter("directorate", directorate).getResultStream()
                .filter(other -> !other.getId().equals(except))
                .anyMatch(other -> SearchText.sameName(other.getName(), name));
        if (taken) {
            throw ConfigException.conflict("unit.duplicateName", name.strip(), directorate.getName());
        }
    }
}
