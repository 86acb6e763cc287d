package cl.ventanilla.config.boundary;

import cl.ventanilla.config.control.AuditTrail;
import cl.ventanilla.config.control.SearchText;
import cl.ventanilla.config.entity.ConfigException;
import cl.ventanilla.config.entity.MunicipalService;
import cl.ventanilla.config.entity.Unit;
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
 * The services units offer, as administrators maintain them: name and prefix unique within the unit,
 * attention and booking parameters. Deactivated, never deleted, because tickets and appointments
 * refer to them. The public list of active services is {@link ServiceCatalog}'s.
 */
@Stateless
public class Services {

    private static final Comparator<MunicipalService> ORDER = Comparator
            .comparing((MunicipalService s) -> s.getUnit().getDirectorate().getName(), SearchText.SPANISH_ORDER)
            .thenComparing(s -> s.getUnit().getName(), SearchText.SPANISH_ORDER)
            .thenComparing(MunicipalService::getName, SearchText.SPANISH_ORDER);

    @PersistenceContext(unitName = "config")
    EntityManager em;

    @Inject
    AuditTrail audit;

    /**
     * Services whose name, prefix, description, unit or directorate contains every word of
     * {@code text} (ignoring case and accents), by directorate, unit and name.
     *
     * @param unitId {@code null} for every unit
     * @param active {@code null} for all, otherwise only the active or only the inactive ones
     */
    public Page<MunicipalService> search(String text, UUID unitId, Boolean active, int page, int size) {
        Page.check(page, size);
        List<MunicipalService> found = em.createQuery(
                "SELECT s FROM MunicipalService s JOIN FETCH s.unit u JOIN FETCH u.directorate", MunicipalService.class)
                .getResultStream()
                .filter(s -> unitId == null || s.getUnit().getId().equals(unitId))
                .filter(s -> active == null || s.isActive() == active)
                .filter(s -> SearchText.matches(text, s.getName(), s.getPrefix(), s.getDescription(),
                        s.getUnit().getName(), s.getUnit().getDirectorate().getName()))
                .sorted(ORDER).toList();
        return Page.of(found, page, size);
    }

    /** The service with its unit and directorate loaded. */
    public Optional<MunicipalService> find(UUID id) {
        return em.createQuery("""
                SELECT s FROM MunicipalService s JOIN FETCH s.unit u JOIN FETCH u.directorate
                WHERE s.id = :id""", MunicipalService.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    public MunicipalService get(UUID id) {
        return find(id).orElseThrow(() -> ConfigException.notFound("service.notFound", id));
    }

    public MunicipalService create(@NotNull @Valid ServiceDetails details) {
        Unit unit = activeUnit(details.unitId());
        refuseDuplicates(unit, details, null);
        MunicipalService service = new MunicipalService(unit, details.name(), details.prefix());
        apply(service, details);
        em.persist(service);
        audit.created(service);
        return service;
    }

    public MunicipalService update(UUID id, @NotNull @Valid ServiceDetails details) {
        MunicipalService service = get(id);
        if (!service.getUnit().getId().equals(details.unitId())) {
            throw ConfigException.invalid("service.unitFixed", service.getName(), service.getUnit().getName());
        }
        refuseDuplicates(service.getUnit(), details, id);
        JsonObject before = service.snapshot();
        service.rename(details.name());
        service.changePrefix(details.prefix());
        apply(service, details);
        audit.changed(service, before);
        return service;
    }

    /** Stops offering the service: it leaves the portal and the kiosks; its row and history stay. */
    public MunicipalService deactivate(UUID id) {
        MunicipalService service = get(id);
        JsonObject before = service.snapshot();
        service.deactivate();
        audit.deactivated(service, before);
        return service;
    }

    public MunicipalService activate(UUID id) {
        MunicipalService service = get(id);
        JsonObject before = service.snapshot();
        service.activate();
        audit.activated(service, before);
        return service;
    }

    private static void apply(MunicipalService service, ServiceDetails details) {
        service.describe(details.description(), details.requirements());
        service.planAttention(details.averageAttentionMinutes(), details.slaMinutes(), details.dailyWalkInQuota());
        service.planBookings(details.takesAppointments(), details.slotMinutes(), details.bookingHorizonDays(),
                details.minimumLeadMinutes());
    }

    private Unit activeUnit(UUID unitId) {
        // fetched with its directorate, never as a lazy proxy: the service is returned as JSON with both
        Unit unit = em.createQuery("SELECT u FROM Unit u JOIN FETCH u.directorate WHERE u.id = :id", Unit.class)
                .setParameter("id", unitId).getResultStream().findFirst()
                .orElseThrow(() -> ConfigException.notFound("unit.notFound", unitId));
        if (!unit.isActive()) {
            throw ConfigException.invalid("service.unitInactive", unit.getName());
        }
        return unit;
    }

    // Checked before the entity changes, so the query does not flush a duplicate into the unique constraints.
    private void refuseDuplicates(Unit unit, ServiceDetails details, UUID except) {
        List<MunicipalService> siblings = em.createQuery(
                "SELECT s FROM MunicipalService s WHERE s.unit = :unit", MunicipalService.class)
                .setParameter("unit", unit).getResultStream()
                .filter(other -> !other.getId().equals(except)).toList();
        if (siblings.stream().anyMatch(other -> SearchText.sameName(other.getName(), details.name()))) {
            throw ConfigException.conflict("service.duplicateName", details.name().strip(), unit.getName());
        }
        String prefix = details.prefix() == null ? "" : details.prefix().strip().toUpperCase();
        siblings.stream().filter(other -> other.getPrefix().equals(prefix)).findFirst().ifPresent(other -> {
            throw ConfigException.conflict("service.duplicatePrefix", prefix, other.getName(), unit.getName());
        });
    }
}
