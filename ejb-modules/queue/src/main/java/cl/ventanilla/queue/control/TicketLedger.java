package cl.ventanilla.queue.control;

import cl.ventanilla.kernel.SqlValues;
import cl.ventanilla.queue.entity.Ticket;
import cl.ventanilla.queue.entity.TicketLogEntry;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * The kiosk's writes, in plain SQL on the transaction's connection: the next number of a service on a
 * day, and a new ticket with the first line of its history in one statement. Issuing a ticket is the
 * busiest write of a morning; through the entity manager it cost a query plan, a flush and a dirty check
 * for rows nobody changes again in the same transaction (issue 11).
 */
@Dependent
public class TicketLedger {

    private static final String INSERT_ISSUED = "WITH t AS (INSERT INTO turnos ("
            + String.join(", ", Ticket.NEW_ROW_COLUMNS) + ") VALUES ("
            + String.join(", ", Collections.nCopies(Ticket.NEW_ROW_COLUMNS.size(), "?"))
            + ") RETURNING id, servicio_atencion_id) "
            + "INSERT INTO turno_eventos (id, turno_id, tipo, fecha_hora, servicio_id) SELECT ?, t.id, '"
            + TicketLogEntry.Type.EMITIDO.name() + "', ?, t.servicio_atencion_id FROM t";

    @PersistenceContext(unitName = "queue")
    EntityManager em;

    /**
     * The next number of a service on a day. One upsert on {@code contadores_turno} increments and
     * returns it: the row lock it takes is held until the issuing transaction ends, so concurrent kiosks
     * (on any instance) get consecutive numbers and never the same one; a new day is a new row, starting at 1.
     */
    public int nextNumber(UUID serviceId, LocalDate day) {
        return work(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO contadores_turno (servicio_id, fecha, ultimo_numero) VALUES (?, ?, 1)
                    ON CONFLICT (servicio_id, fecha)
                    DO UPDATE SET ultimo_numero = contadores_turno.ultimo_numero + 1
                    RETURNING ultimo_numero""")) {
                upsert.setObject(1, serviceId);
                upsert.setObject(2, day);
                try (ResultSet number = upsert.executeQuery()) {
                    number.next();
                    return number.getInt(1);
                }
            }
        });
    }

    /** Writes a ticket just issued and its {@code EMITIDO} line, at its time of issue, in one statement. */
    public void recordIssued(Ticket ticket) {
        List<Object> values = new ArrayList<>(ticket.newRow());
        values.add(UUID.randomUUID());         // the EMITIDO line's id
        values.add(ticket.getIssuedAt());      // and its time
        work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ISSUED)) {
                SqlValues.bindAll(insert, values.toArray());
                return insert.executeUpdate();
            }
        });
    }

    private <T> T work(ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
