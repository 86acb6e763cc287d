package cl.ventanilla.config.boundary;

import cl.ventanilla.config.control.AuditTrail;
import cl.ventanilla.config.control.SearchText;
import cl.ventanilla.config.entity.ConfigException;
import cl.ventanilla.config.entity.Holiday;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The national holidays on which no unit attends: one per date, editable because the law moves some
 * of them, deactivated rather than deleted so the list keeps what was once planned.
 */
@Stateless
public class Holidays {

    @PersistenceContext(unitName = "config")
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** The active holidays between two dates, both included, by date. */
    public List<Holiday> between(@NotNull LocalDate from, @NotNull LocalDate to) {
        return em.createQuery("""
                SELECT h FROM Holiday h WHERE h.active = true AND h.day BETWEEN :from AND :to
                ORDER BY h.day""", Holiday.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }

    /**
     * Holidays whose name contains every word of {@code text} (ignoring case and accents), by date.
     *
     * @param year   {@code null} for every year
     * @param active {@code null} for all, otherwise only the active or only the inactive ones
     */
    public Page<Holiday> search(String text, Integer year, Boolean active, int page, int size) {
        Page.check(page, size);
        List<Holiday> found = em.createQuery("SELECT h FROM Holiday h ORDER BY h.day", Holiday.class)
                .getResultStream()
                .filter(h -> year == null || h.getDate().getYear() == year)
                .filter(h -> active == null || h.isActive() == active)
                .filter(h -> SearchText.matches(text, h.getName()))
                .toList();
        return Page.of(found, page, size);
    }

    public Optional<Holiday> find(UUID id) {
        return Optional.ofNullable(id).map(key -> em.find(Holiday.class, key));
    }

    public Holiday get(UUID id) {
        return find(id).orElseThrow(() -> ConfigException.notFound("holiday.notFound", id));
    }

    public Holiday create(@NotNull @Valid HolidayDetails details) {
        refuseDuplicateDate(details.date(), null);
        Holiday holiday = new Holiday(details.date(), details.name(), details.mandatory());
        em.persist(holiday);
        audit.created(holiday);
        return holiday;
    }

    public Holiday update(UUID id, @NotNull @Valid HolidayDetails details) {
        Holiday holiday = get(id);
        refuseDuplicateDate(details.date(), id);
        JsonObject before = holiday.snapshot();
        holiday.moveTo(details.date());
        holiday.rename(details.name());
        holiday.markMandatory(details.mandatory());
        audit.changed(holiday, before);
        return holiday;
    }

    /** The units attend that day after all; the holiday stays in the list, inactive. */
    public Holiday deactivate(UUID id) {
        Holiday holiday = get(id);
        JsonObject before = holiday.snapshot();
        holiday.deactivate();
        audit.deactivated(holiday, before);
        return holiday;
    }

    public Holiday activate(UUID id) {
        Holiday holiday = get(id);
        JsonObject before = holiday.snapshot();
        holiday.activate();
        audit.activated(holiday, before);
        return holiday;
    }

    private void refuseDuplicateDate(LocalDate date, UUID except) {
        em.createQuery("SELECT h FROM Holiday h WHERE h.day = :date", Holiday.class)
                .setParameter("date", date).getResultStream()
                .filter(other -> !other.getId().equals(except)).findFirst()
                .ifPresent(other -> {
                    throw ConfigException.conflict("holiday.duplicateDate", date, other.getName());
                });
    }
}
