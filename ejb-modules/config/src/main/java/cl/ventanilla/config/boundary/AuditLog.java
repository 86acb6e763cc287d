package cl.ventanilla.config.boundary;

import cl.ventanilla.config.control.UnitCalendar;
import cl.ventanilla.config.entity.AuditEntry;
import cl.ventanilla.config.entity.AuditEntry.Actor;
import cl.ventanilla.kernel.Rut;
import cl.ventanilla.kernel.audit.AuditEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit log: who changed what and when, with the relevant fields before and after. Every domain
 * announces its changes as {@link AuditEvent}s (config and auth alike); this bean writes them in the
 * same transaction as the change, naming the signed-in caller, and lists them for administrators.
 */
@Stateless
public class AuditLog {

    @PersistenceContext(unitName = "config")
    EntityManager em;

    @Resource
    SessionContext session;

    /** Writes an announced change, with the caller as its author (nobody when no one signed in). */
    public void record(@Observes AuditEvent event) {
        em.persist(new AuditEntry(event, actor(session.getCallerPrincipal()), Instant.now()));
    }

    /**
     * The entries newest first.
     *
     * @param entity   only changes of this table ({@code servicios}, {@code usuarios} …), or {@code null}
     * @param actorRut only changes made by this RUT, in any of its written forms, or {@code null}
     * @param from     only changes from this day on (Santiago time), or {@code null}
     * @param to       only changes up to this day, included, or {@code null}
     */
    public Page<AuditEntry> entries(String entity, String actorRut, LocalDate from, LocalDate to, int page, int size) {
        Page.check(page, size);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (entity != null && !entity.isBlank()) {
            where.append(" AND e.entity = :entity");
            parameters.put("entity", entity.strip());
        }
        if (actorRut != null && !actorRut.isBlank()) {
            where.append(" AND e.actorRut = :rut");
            parameters.put("rut", Rut.of(actorRut).normalized());
        }
        if (from != null) {
            where.append(" AND e.at >= :from");
            parameters.put("from", from.atStartOfDay(UnitCalendar.ZONE).toInstant());
        }
        if (to != null) {
            where.append(" AND e.at < :to");
            parameters.put("to", to.plusDays(1).atStartOfDay(UnitCalendar.ZONE).toInstant());
        }
        TypedQuery<Long> count = em.createQuery("SELECT count(e) FROM AuditEntry e" + where, Long.class);
        TypedQuery<AuditEntry> entries = em.createQuery(
                "SELECT e FROM AuditEntry e" + where + " ORDER BY e.at DESC, e.id", AuditEntry.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            entries.setParameter(name, value);
        });
        List<AuditEntry> items = new ArrayList<>(entries.setFirstResult(page * size).setMaxResults(size)
                .getResultList());
        return new Page<>(items, page, size, count.getSingleResult());
    }

    /**
     * The author of a change: the caller's principal is named with the RUT the user signed in with;
     * Payara names an unauthenticated caller "ANONYMOUS". A name that is not a RUT (a system account)
     * is kept as the name.
     */
    private Actor actor(Principal principal) {
        String name = principal == null ? null : principal.getName();
        if (name == null || name.isBlank() || "anonymous".equalsIgnoreCase(name.strip())) {
            return Actor.NOBODY;
        }
        if (!Rut.isValid(name)) {
            return new Actor(null, null, name.strip());
        }
        String rut = Rut.of(name).normalized();
        List<?> users = em.createNativeQuery("SELECT CAST(id AS varchar), nombre FROM usuarios WHERE rut = ?1")
                .setParameter(1, rut).getResultList();
        if (users.isEmpty()) {
            return new Actor(null, rut, null);
        }
        Object[] user = (Object[]) users.get(0);
        return new Actor(UUID.fromString((String) user[0]), rut, (String) user[1]);
    }
}
