package cl.ventanilla.config.boundary;

import cl.ventanilla.config.control.AuditTrail;
import cl.ventanilla.config.entity.ConfigException;
import cl.ventanilla.config.entity.PreferentialCategory;
import cl.ventanilla.config.entity.PriorityRule;
import cl.ventanilla.config.entity.Unit;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Each unit's queue rules for preferential attention (Leyes N° 21.168 y N° 21.768): the categories it
 * recognizes, the preferential:normal interleave and the longest wait before any ticket is promoted.
 * A unit without rules of its own has the defaults (1:2, 45 minutes, every active category).
 */
@Stateless
public class PriorityRules {

    @PersistenceContext(unitName = "config")
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** The active preferential categories, in the catalogue's order. */
    public List<PreferentialCategory> categories() {
        return em.createQuery("SELECT c FROM PreferentialCategory c WHERE c.active = true ORDER BY c.order, c.code",
                PreferentialCategory.class).getResultList();
    }

    /** The unit's rules, or the defaults (not stored) while it has none of its own. */
    public PriorityRule forUnit(UUID unitId) {
        unit(unitId);
        return stored(unitId).orElseGet(() -> new PriorityRule(unitId, categories()));
    }

    /** Sets the unit's rules, creating them the first time. */
    public PriorityRule change(UUID unitId, @NotNull @Valid PriorityRuleDetails details) {
        Unit unit = unit(unitId);
        List<PreferentialCategory> categories = categories(details.categoryCodes());
        Optional<PriorityRule> existing = stored(unitId);
        PriorityRule rule = existing.orElseGet(() -> new PriorityRule(unitId, categories));
        JsonObject before = existing.map(PriorityRule::snapshot).orElse(null);
        rule.interleave(details.preferentialShare(), details.normalShare());
        rule.promoteAfter(details.maximumWaitMinutes());
        rule.allowRecalls(details.maxRecalls());
        rule.acceptCheckIn(details.checkInEarlyMinutes(), details.checkInGraceMinutes());
        rule.recognize(categories);
        String label = "las reglas de prioridad de " + unit.auditLabel();
        if (before == null) {
            em.persist(rule);
            audit.created(rule, "Creación de " + label);
        } else {
            audit.changed(rule, "Modificación de " + label, before, rule.snapshot());
        }
        return rule;
    }

    private Optional<PriorityRule> stored(UUID unitId) {
        return em.createQuery("""
                SELECT DISTINCT r FROM PriorityRule r LEFT JOIN FETCH r.categories
                WHERE r.unitId = :unit""", PriorityRule.class)
                .setParameter("unit", unitId).getResultStream().findFirst();
    }

    private List<PreferentialCategory> categories(List<String> codes) {
        List<PreferentialCategory> known = categories();
        List<PreferentialCategory> chosen = new ArrayList<>();
        for (String code : codes) {
            PreferentialCategory category = known.stream().filter(c -> c.getCode().equalsIgnoreCase(code.strip()))
                    .findFirst().orElseThrow(() -> ConfigException.invalid("priorityRule.unknownCategory", code));
            if (!chosen.contains(category)) {
                chosen.add(category);
            }
        }
        return chosen;
    }

    private Unit unit(UUID unitId) {
        return Optional.ofNullable(unitId).map(id -> em.find(Unit.class, id))
                .orElseThrow(() -> ConfigException.notFound("unit.notFound", unitId));
    }
}
