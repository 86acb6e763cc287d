package cl.ventanilla.config.boundary;

import cl.ventanilla.config.control.AuditTrail;
import cl.ventanilla.config.control.SearchText;
import cl.ventanilla.config.entity.ConfigException;
import cl.ventanilla.config.entity.Directorate;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The municipality's directorates: created, renamed, deactivated and activated again by
 * administrators, never deleted. Every change goes to the audit log.
 */
@Stateless
public class Directorates {

    private static final Comparator<Directorate> BY_NAME = Comparator.comparing(Directorate::getName,
            SearchText.SPANISH_ORDER);

    @PersistenceContext(unitName = "config")
    EntityManager em;

    @Inject
    AuditTrail audit;

    /**
     * Directorates whose name or description contains every word of {@code text} (ignoring case and
     * accents), alphabetically.
     *
     * @param active {@code null} for all, otherwise only the active or only the inactive ones
     */
    public Page<Directorate> search(String text, Boolean active, int page, int size) {
        Page.check(page, size);
        List<Directorate> found = em.createQuery("SELECT d FROM Directorate d", Directorate.class).getResultStream()
                .filter(d -> active == null || d.isActive() == active)
                .filter(d -> SearchText.matches(text, d.getName(), d.getDescription()))
                .sorted(BY_NAME).toList();
        return Page.of(found, page, size);
    }

    /** The active directorates, alphabetically. */
    public List<Directorate> active() {
        return em.createQuery("SELECT d FROM Directorate d WHERE d.active = true", Directorate.class)
                .getResultStream().sorted(BY_NAME).toList();
    }

    public Optional<Directorate> find(UUID id) {
        return Optional.ofNullable(id).map(key -> em.find(Directorate.class, key));
    }

    public Directorate get(UUID id) {
        return find(id).orElseThrow(() -> ConfigException.notFound("directorate.notFound", id));
    }

    public Directorate create(@NotNull @Valid DirectorateDetails details) {
        refuseDuplicateName(details.name(), null);
        Directorate directorate = new Directorate(details.name(), details.description());
        em.persist(directorate);
        audit.created(directorate);
        return directorate;
    }

    public Directorate update(UUID id, @NotNull @Valid DirectorateDetails details) {
        Directorate directorate = get(id);
        refuseDuplicateName(details.name(), id);
        JsonObject before = directorate.snapshot();
        directorate.rename(details.name());
        directorate.describe(details.description());
        audit.changed(directorate, before);
        return directorate;
    }

    /** Deactivates the directorate; its units keep their own state but leave the public directory with it. */
    public Directorate deactivate(UUID id) {
        Directorate directorate = get(id);
        JsonObject before = directorate.snapshot();
        directorate.deactivate();
        audit.deactivated(directorate, before);
        return directorate;
    }

    public Directorate activate(UUID id) {
        Directorate directorate = get(id);
        JsonObject before = directorate.snapshot();
        directorate.activate();
        audit.activated(directorate, before);
        return directorate;
    }

    // Checked before the entity changes: the query would otherwise flush the change and meet the
    // table's unique constraint first, as a failure nobody can read.
    private void refuseDuplicateName(String name, UUID except) {
        boolean taken = em.createQuery("SELECT d FROM Directorate d", Directorate.class).getResultStream()
                .filter(other -> !other.getId().equals(except))
                .anyMatch(other -> SearchText.sameName(other.getName(), name));
        if (taken) {
            throw ConfigException.conflict("directorate.duplicateName", name.strip());
        }
    }
}
