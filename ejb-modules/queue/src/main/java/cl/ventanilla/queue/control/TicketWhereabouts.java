package cl.ventanilla.queue.control;

import cl.ventanilla.queue.entity.Ticket;
import cl.ventanilla.queue.entity.TicketState;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a ticket stands, for the citizen who holds it: found by its public token, the people before it
 * in its queue, the name of its unit.
 */
@Dependent
public class TicketWhereabouts {

    @PersistenceContext(unitName = "queue")
    EntityManager em;

    public Optional<Ticket> byPublicToken(UUID token) {
        return em.createQuery("SELECT t FROM Ticket t WHERE t.publicToken = :token", Ticket.class)
                .setParameter("token", token).getResultStream().findFirst();
    }

    /**
     * The tickets of the day waiting in the same queue that joined it before this one. The desks
     * interleave preferential tickets and promote overdue ones, so this is the number of people in front
     * by arrival, not an exact call order; 0 once the ticket no longer waits.
     */
    public int peopleAhead(Ticket ticket) {
        return waitingBefore(ticket, """
                AND (other.hora_ingreso_cola, other.numero) < (me.hora_ingreso_cola, me.numero)""");
    }

    /**
     * For an appointment's ticket, the appointments waiting in the same queue that the desks call before it
     * once its booked time comes: booked before it, then by arrival ({@link Queues#takeNext}).
     */
    public int appointmentsAhead(Ticket ticket) {
        return waitingBefore(ticket, """
                AND other.hora_agendada IS NOT NULL
                AND (other.hora_agendada, other.hora_ingreso_cola, other.numero)
                    < (me.hora_agendada, me.hora_ingreso_cola, me.numero)""");
    }

    /**
     * The same for an appointment booked at {@code start} being checked in now, before its ticket exists:
     * the appointments' tickets of the service's queue waiting on the day booked at or before that time
     * (those booked at the same time are already waiting, so they arrived before it).
     */
    public int appointmentsAhead(UUID serviceId, LocalDate day, Instant start) {
        return ((Number) em.createNativeQuery("""
                SELECT count(*) FROM turnos
                WHERE fecha = CAST(:day AS date) AND estado = 'ESPERANDO' AND hora_agendada IS NOT NULL
                  AND hora_agendada <= :start AND servicio_atencion_id = :service""")
                .setParameter("day", day.toString()).setParameter("start", start.atOffset(ZoneOffset.UTC))
                .setParameter("service", serviceId).getSingleResult()).intValue();
    }

    private int waitingBefore(Ticket ticket, String before) {
        if (ticket.getState() != TicketState.WAITING) {
            return 0;
        }
        return ((Number) em.createNativeQuery("""
                SELECT count(*) FROM turnos other JOIN turnos me ON me.id = :id
                WHERE other.servicio_atencion_id = me.servicio_atencion_id AND other.fecha = me.fecha
                  AND other.estado = 'ESPERANDO' AND other.id <> me.id""" + "\n" + before)
                .setParameter("id", ticket.getId()).getSingleResult()).intValue();
    }

    public String unitName(UUID unitId) {
        List<?> names = em.createNativeQuery("SELECT nombre FROM unidades WHERE id = :id")
                .setParameter("id", unitId).getResultList();
        return names.isEmpty() ? "" : (String) names.get(0);
    }
}
