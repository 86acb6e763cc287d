package cl.ventanilla.queue.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A citizen's place in the queue for one day ({@code turnos}), the aggregate root of the queue domain.
 *
 * <p>Life of a ticket: issued → {@link #callTo called} to a station (and {@link #recall recalled} a
 * limited number of times) → {@link #start served} → {@link #finish finished}; or marked as a
 * {@link #markNoShow no-show}; a ticket being served can be {@link #park parked} while the citizen
 * fetches a document and {@link #resume resumed} at the same station; a called or served ticket can be
 * {@link #transferTo transferred} to another service of the unit, where it waits again with the same
 * number. Each method checks the state it starts from and throws a {@link QueueException} (409)
 * otherwise.
 *
 * <p>A ticket is a walk-in ({@code PRESENCIAL}) or comes from an appointment's {@link #checkIn check-in}
 * ({@code AGENDAMIENTO}), which keeps the booking's id and start time.
 *
 * <p>The number belongs to the service the ticket was issued for ({@code servicio_id}); the queue it
 * waits in is {@code servicio_atencion_id}, which only a transfer changes.
 */
@Entity
@Table(name = "turnos")
public class Ticket {

    public static final int OUTCOME_LENGTH = 500;

    /** The values of {@code turnos.origen}. */
    static final String WALK_IN = "PRESENCIAL";
    static final String APPOINTMENT = "AGENDAMIENTO";

    @Id
    private UUID id;

    @Column(name = "unidad_id", nullable = false, updatable = false)
    private UUID unitId;

    @Column(name = "servicio_id", nullable = false, updatable = false)
    private UUID issuedForServiceId;

    @Column(name = "servicio_atencion_id", nullable = false)
    private UUID serviceId;

    @Column(name = "fecha", nullable = false, updatable = false)
    private LocalDate day;

    @Embedded
    private TicketNumber number;

    @Column(name = "estado", nullable = false, length = 20)
    private TicketState state;

    @Column(name = "preferencial", nullable = false, updatable = false)
    private boolean preferential;

    @Column(name = "categoria_preferencial_id", updatable = false)
    private UUID preferentialCategoryId;

    @Column(name = "origen", nullable = false, updatable = false, length = 20)
    private String origin;

    @Column(name = "agendamiento_id", updatable = false)
    private UUID appointmentId;

    @Column(name = "hora_agendada", updatable = false)
    private Instant appointmentAt;

    @Column(name = "token_publico", nullable = false, updatable = false)
    private UUID publicToken;

    @Column(name = "estacion_id")
    private UUID stationId;

    @Column(name = "hora_emision", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "hora_ingreso_cola", nullable = false)
    private Instant queuedAt;

    @Column(name = "hora_llamado")
    private Instant calledAt;

    @Column(name = "hora_inicio_atencion")
    private Instant startedAt;

    @Column(name = "hora_fin_atencion")
    private Instant finishedAt;

    @Column(name = "rellamados", nullable = false)
    private int recalls;

    @Column(name = "transferencias", nullable = false)
    private int transfers;

    @Column(name = "resultado", length = OUTCOME_LENGTH)
    private String outcome;

    @Column(name = "personas_adelante_emision", updatable = false)
    private Integer peopleAheadAtIssue;

    @Column(name = "espera_estimada_min_p50", updatable = false)
    private Integer estimatedWaitP50;

    @Column(name = "espera_estimada_min_p90", updatable = false)
    private Integer estimatedWaitP90;

    @Version
    @Column(name = "version", nullable = false)
    private Long version;

    protected Ticket() {
        // for JPA
    }

    private Ticket(UUID unitId, UUID serviceId, LocalDate day, TicketNumber number, boolean preferential,
            UUID preferentialCategoryId, Instant issuedAt) {
        this.id = UUID.randomUUID();
        this.unitId = Objects.requireNonNull(unitId, "unitId");
        this.issuedForServiceId = Objects.requireNonNull(serviceId, "serviceId");
        this.serviceId = serviceId;
        this.day = Objects.requireNonNull(day, "day");
        this.number = Objects.requireNonNull(number, "number");
        this.preferential = preferential || preferentialCategoryId != null;
        this.preferentialCategoryId = preferentialCategoryId;
        this.publicToken = UUID.randomUUID();
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.queuedAt = issuedAt;
        this.state = TicketState.WAITING;
        this.origin = WALK_IN;
    }

    /** A walk-in ticket, waiting in the queue of the service it was issued for. */
    public static Ticket issue(UUID unitId, UUID serviceId, LocalDate day, TicketNumber number,
            UUID preferentialCategoryId, Instant issuedAt) {
        return new Ticket(unitId, serviceId, day, number, preferentialCategoryId != null, preferentialCategoryId,
                issuedAt);
    }

    /** A ticket of the given preferential class without a recorded category (tests and tools). */
    public static Ticket issue(UUID unitId, UUID serviceId, LocalDate day, TicketNumber number,
            boolean preferential, Instant issuedAt) {
        return new Ticket(unitId, serviceId, day, number, preferential, null, issuedAt);
    }

    /**
     * The ticket of a citizen with an appointment who checked in at the kiosk: numbered like the walk-ins
     * of the service, and called before everybody once its booked time has come.
     */
    public static Ticket checkIn(UUID unitId, UUID serviceId, LocalDate day, TicketNumber number,
            UUID appointmentId, Instant appointmentAt, Instant issuedAt) {
        Ticket ticket = new Ticket(unitId, serviceId, day, number, false, null, issuedAt);
        ticket.origin = APPOINTMENT;
        ticket.appointmentId = Objects.requireNonNull(appointmentId, "appointmentId");
        ticket.appointmentAt = Objects.requireNonNull(appointmentAt, "appointmentAt");
        return ticket;
    }

    /**
     * The columns of a new ticket's row, for the kiosk's path, which inserts it with its history's first line in
     * one statement instead of through the entity manager (see {@code TicketLedger}); the values are
     * {@link #newRow()}'s, in this order. {@code version} starts at 0, as the entity manager starts it.
     */
    public static final List<String> NEW_ROW_COLUMNS = List.of("id", "unidad_id", "servicio_id", "servicio_atencion_id",
            "fecha", "numero", "prefijo", "estado", "preferencial", "categoria_preferencial_id", "origen",
            "agendamiento_id", "hora_agendada", "token_publico", "hora_emision", "hora_ingreso_cola", "rellamados",
            "transferencias", "personas_adelante_emision", "espera_estimada_min_p50", "espera_estimada_min_p90",
            "version");

    /** The values of {@link #NEW_ROW_COLUMNS} for this ticket, as it is before anyone called it. */
    public List<Object> newRow() {
        if (state != TicketState.WAITING || version != null) {
            throw new IllegalStateException("not a new ticket: " + this);
        }
        return Arrays.asList(id, unitId, issuedForServiceId, serviceId, day, number.number(), number.prefix(),
                state.code(), preferential, preferentialCategoryId, origin, appointmentId, appointmentAt, publicToken,
                issuedAt, queuedAt, recalls, transfers, peopleAheadAtIssue, estimatedWaitP50, estimatedWaitP90, 0L);
    }

    /** Remembers what the kiosk told the citizen, for the statistics of the estimates. */
    public void promised(int peopleAhead, int waitMinutesP50, int waitMinutesP90) {
        this.peopleAheadAtIssue = peopleAhead;
        this.estimatedWaitP50 = waitMinutesP50;
        this.estimatedWaitP90 = waitMinutesP90;
    }

    /** Calls the waiting citizen to the station. */
    public void callTo(UUID station, Instant now) {
        require(TicketState.WAITING, "call");
        this.stationId = Objects.requireNonNull(station, "station");
        this.state = TicketState.CALLED;
        this.calledAt = now;
        this.recalls = 0;
    }

    /** Calls the same citizen again, at most {@code limit} times. */
    public void recall(int limit) {
        require(TicketState.CALLED, "recall");
        if (recalls >= limit) {
            throw QueueException.conflict("ticket.recallLimit", number.shown(), limit);
        }
        recalls++;
    }

    /** The citizen did not come to the station. */
    public void markNoShow(Instant now) {
        require(TicketState.CALLED, "noShow");
        this.state = TicketState.NO_SHOW;
        this.finishedAt = now;
    }

    /** The citizen sat down at the station. */
    public void start(Instant now) {
        require(TicketState.CALLED, "start");
        this.state = TicketState.IN_SERVICE;
        this.startedAt = now;
    }

    /** The attention ended, with what the operator wants to remember of it (optional). */
    public void finish(String outcome, Instant now) {
        require(TicketState.IN_SERVICE, "finish");
        String trimmed = outcome == null || outcome.isBlank() ? null : outcome.strip();
        if (trimmed != null && trimmed.length() > OUTCOME_LENGTH) {
            throw QueueException.invalid("ticket.outcomeTooLong", OUTCOME_LENGTH);
        }
        this.state = TicketState.FINISHED;
        this.outcome = trimmed;
        this.finishedAt = now;
    }

    /**
     * Sends the citizen to another service of the same unit with the same number. The ticket waits at
     * the end of that service's queue ({@code hora_ingreso_cola} restarts now) and leaves the station.
     */
    public void transferTo(UUID otherService, UUID otherServiceUnit, Instant now) {
        if (state != TicketState.CALLED && state != TicketState.IN_SERVICE) {
            throw wrongState("transfer");
        }
        if (serviceId.equals(otherService)) {
            throw QueueException.conflict("ticket.transferSameService", number.shown());
        }
        if (!unitId.equals(otherServiceUnit)) {
            throw QueueException.conflict("ticket.transferOtherUnit", number.shown());
        }
        this.serviceId = otherService;
        this.state = TicketState.WAITING;
        this.stationId = null;
        this.queuedAt = now;
        this.calledAt = null;
        this.startedAt = null;
        this.recalls = 0;
        this.transfers++;
    }

    /** The citizen steps away (a missing document) and the station goes on with others meanwhile. */
    public void park() {
        require(TicketState.IN_SERVICE, "park");
        this.state = TicketState.PARKED;
    }

    /** The parked citizen is back at the station that parked them. */
    public void resume() {
        require(TicketState.PARKED, "resume");
        this.state = TicketState.IN_SERVICE;
    }

    private void require(TicketState expected, String action) {
        if (state != expected) {
            throw wrongState(action);
        }
    }

    private QueueException wrongState(String action) {
        return QueueException.conflict("ticket.cannot." + action, number.shown(), state.name(), state.code());
    }

    public UUID getId() {
        return id;
    }

    public UUID getUnitId() {
        return unitId;
    }

    /** The service whose queue the ticket is in now. */
    public UUID getServiceId() {
        return serviceId;
    }

    /** The service it was issued for: its prefix and number. */
    public UUID getIssuedForServiceId() {
        return issuedForServiceId;
    }

    public LocalDate getDay() {
        return day;
    }

    /** {@code A-023}. */
    public String getNumber() {
        return number.shown();
    }

    /** {@code A 23}. */
    public String getSpokenNumber() {
        return number.spoken();
    }

    public TicketNumber number() {
        return number;
    }

    public TicketState getState() {
        return state;
    }

    public boolean isPreferential() {
        return preferential;
    }

    /** Issued at a check-in for an appointment, not as a walk-in. */
    public boolean isAppointment() {
        return APPOINTMENT.equals(origin);
    }

    /** The booking ({@code agendamientos}) it was issued for, or {@code null} for a walk-in. */
    public UUID getAppointmentId() {
        return appointmentId;
    }

    /** The booked start time, or {@code null} for a walk-in. */
    public Instant getAppointmentAt() {
        return appointmentAt;
    }

    /** The id of the virtual ticket page (the QR), which asks nothing personal. */
    public UUID getPublicToken() {
        return publicToken;
    }

    public UUID getStationId() {
        return stationId;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getQueuedAt() {
        return queuedAt;
    }

    public Instant getCalledAt() {
        return calledAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public int getRecalls() {
        return recalls;
    }

    public int getTransfers() {
        return transfers;
    }

    public String getOutcome() {
        return outcome;
    }

    @Override
    public String toString() {
        return "Ticket[" + number + ", " + state + "]";
    }
}
