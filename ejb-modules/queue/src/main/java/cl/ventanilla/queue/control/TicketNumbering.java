package cl.ventanilla.queue.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The next number of a service on a day. One upsert on {@code contadores_turno} increments and returns
 * it: the row lock it takes is held until the issuing transaction ends, so concurrent kiosks (on any
 * instance) get consecutive numbers and never the same one; a new day is a new row, starting at 1.
 */
@Dependent
public class TicketNumbering {

    @PersistenceContext(unitName = "queue")
    EntityManager em;

    public int next(UUID serviceId, LocalDate day) {
        Object number = em.createNativeQuery("""
                INSERT INTO contadores_turno (servicio_id, fecha, ultimo_numero) VALUES (:service, CAST(:day AS date), 1)
                ON CONFLICT (servicio_id, fecha)
                DO UPDATE SET ultimo_numero = contadores_turno.ultimo_numero + 1
                RETURNING ultimo_numero""")
                .setParameter("service", serviceId)
                .setParameter("day", day.toString())
                .getSingleResult();
        return ((Number) number).intValue();
    }
}
