package cl.ventanilla.queue.control;

import cl.ventanilla.kernel.Rut;
import cl.ventanilla.queue.entity.QueueException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.util.UUID;

/**
 * Where a desk's caller may act: an operator calls, pauses and serves only at the units they work at
 * (usuario_unidades, set by an administrator); supervisors and administrators at every unit. Calls
 * without a staff caller (the kiosk, timers) are not the desk's and pass.
 */
@Stateless
@DeclareRoles({"ADMIN", "SUPERVISOR", "OPERATOR"})
public class StaffScope {

    @Resource
    SessionContext session;

    @PersistenceContext(unitName = "queue")
    EntityManager em;

    /** @throws QueueException FORBIDDEN when an operator does not work at the unit */
    public void ensureWorksAt(UUID unitId) {
        if (!session.isCallerInRole("OPERATOR") || session.isCallerInRole("SUPERVISOR")
                || session.isCallerInRole("ADMIN")) {
            return;
        }
        Principal caller = session.getCallerPrincipal();
        boolean member = caller != null && Rut.isValid(caller.getName()) && !em.createNativeQuery("""
                SELECT 1 FROM usuario_unidades uu JOIN usuarios u ON u.id = uu.usuario_id
                WHERE u.rut = :rut AND uu.unidad_id = :unit""")
                .setParameter("rut", Rut.of(caller.getName()).normalized()).setParameter("unit", unitId)
                .getResultList().isEmpty();
        if (!member) {
            throw QueueException.forbidden("unit.notYours");
        }
    }
}
