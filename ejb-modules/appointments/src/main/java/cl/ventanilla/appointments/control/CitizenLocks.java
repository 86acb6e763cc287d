package cl.ventanilla.appointments.control;

import cl.ventanilla.kernel.Rut;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/**
 * The transaction-scoped PostgreSQL advisory locks that serialize what must not interleave: everything a
 * citizen does (caps and blocks are counted per RUT), then each slot (its capacity). Always taken in
 * that order, RUT first, so two transactions never wait on each other in a circle. They are released by
 * the commit or rollback, and hold across every instance of the cluster.
 */
@Dependent
public class CitizenLocks {

    @PersistenceContext(unitName = "appointments")
    EntityManager em;

    public void citizen(Rut rut) {
        lock("agendamiento:rut:" + rut.normalized());
    }

    public void slot(UUID serviceId, Instant start) {
        lock("agendamiento:bloque:" + serviceId + ":" + start.getEpochSecond());
    }

    private void lock(String name) {
        em.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(hashtextextended(:name, 0)) AS varchar)")
                .setParameter("name", name).getSingleResult();
    }
}
