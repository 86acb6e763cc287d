package cl.ventanilla.appointments.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The database side of the booking's abuse protection: challenges already redeemed, and the attempts
 * per IP when Redis does not answer. Each write commits on its own, whatever becomes of the booking it
 * guards: a refused booking still spent its challenge and its attempt.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AbuseLedger {

    @PersistenceContext(unitName = "appointments")
    EntityManager em;

    /** Records the challenge as used; false when it already was (a replay). */
    public boolean redeem(String challengeId, Instant expiresAt) {
        return em.createNativeQuery("""
                INSERT INTO desafios_usados (id, expira_en) VALUES (:id, :expires) ON CONFLICT (id) DO NOTHING""")
                .setParameter("id", challengeId).setParameter("expires", expiresAt).executeUpdate() == 1;
    }

    /** Counts one attempt of the IP in the hour starting at {@code hour}; returns the attempts so far. */
    public int countAttempt(String ip, Instant hour) {
        return Columns.integer(em.createNativeQuery("""
                INSERT INTO intentos_agendamiento_ip (ip, hora, intentos) VALUES (:ip, :hour, 1)
                ON CONFLICT (ip, hora) DO UPDATE SET intentos = intentos_agendamiento_ip.intentos + 1
                RETURNING intentos""")
                .setParameter("ip", ip).setParameter("hour", hour).getSingleResult());
    }

    /** Forgets challenges past their expiry and counters of past hours. */
    public void purge(Instant now) {
        em.createNativeQuery("DELETE FROM desafios_usados WHERE expira_en < :now")
                .setParameter("now", now).executeUpdate();
        em.createNativeQuery("DELETE FROM intentos_agendamiento_ip WHERE hora < :before")
                .setParameter("before", now.minusSeconds(2 * 3600)).executeUpdate();
    }
}
