package cl.ventanilla.queue.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of a ticket's history ({@code turno_eventos}): what happened, when, at which station. The
 * routing reads a station's recent calls from it, the lobby its last calls, the statistics everything.
 */
@Entity
@Table(name = "turno_eventos")
public class TicketLogEntry {

    /** The values of {@code turno_eventos.tipo}. */
    public enum Type {
        EMITIDO, LLAMADO, RELLAMADO, INICIADO, FINALIZADO, NO_SE_PRESENTO, TRANSFERIDO, ESTACIONADO, REANUDADO
    }

    public static final int DETAIL_LENGTH = 500;

    @Id
    private UUID id;

    @Column(name = "turno_id", nullable = false, updatable = false)
    private UUID ticketId;

    @Column(name = "tipo", nullable = false, updatable = false, length = 20)
    private String type;

    @Column(name = "fecha_hora", nullable = false, updatable = false)
    private Instant at;

    @Column(name = "servicio_id", updatable = false)
    private UUID serviceId;

    @Column(name = "servicio_destino_id", updatable = false)
    private UUID targetServiceId;

    @Column(name = "estacion_id", updatable = false)
    private UUID stationId;

    @Column(name = "detalle", updatable = false, length = DETAIL_LENGTH)
    private String detail;

    protected TicketLogEntry() {
        // for JPA
    }

    private TicketLogEntry(Ticket ticket, Type type, Instant at, UUID stationId, UUID targetServiceId, String detail) {
        this.id = UUID.randomUUID();
        this.ticketId = ticket.getId();
        this.type = type.name();
        this.at = Objects.requireNonNull(at, "at");
        this.serviceId = ticket.getServiceId();
        this.stationId = stationId;
        this.targetServiceId = targetServiceId;
        this.detail = detail == null || detail.length() <= DETAIL_LENGTH ? detail : detail.substring(0, DETAIL_LENGTH);
    }

    /** What happened to the ticket, at the station that holds it (if any). */
    public static TicketLogEntry of(Ticket ticket, Type type, Instant at) {
        return new TicketLogEntry(ticket, type, at, ticket.getStationId(), null, null);
    }

    /** A transfer, written before the ticket leaves its service and station. */
    public static TicketLogEntry transfer(Ticket ticket, UUID targetService, Instant at) {
        return new TicketLogEntry(ticket, Type.TRANSFERIDO, at, ticket.getStationId(), targetService, null);
    }

    public static TicketLogEntry finish(Ticket ticket, Instant at) {
        return new TicketLogEntry(ticket, Type.FINALIZADO, at, ticket.getStationId(), null, ticket.getOutcome());
    }
}
