package cl.ventanilla.queue.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * An operator sitting at a station ({@code sesiones_estacion}): open while they work there, paused with
 * a reason while they are away, closed when they leave. A station has at most one open session and an
 * operator sits at one station at a time (the schema's partial unique indexes). While the session is
 * paused the station calls nobody.
 */
@Entity
@Table(name = "sesiones_estacion")
public class StationSession {

    /** The values of {@code sesiones_estacion.estado}. */
    public enum State {
        ACTIVE("ACTIVA"), PAUSED("PAUSADA"), CLOSED("CERRADA");

        private final String code;

        State(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static State ofCode(String code) {
            return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown station session state " + code));
        }
    }

    /** Maps the Spanish codes of the schema to the states. */
    @Converter
    public static class StateColumn implements AttributeConverter<State, String> {

        @Override
        public String convertToDatabaseColumn(State state) {
            return state == null ? null : state.code;
        }

        @Override
        public State convertToEntityAttribute(String code) {
            return code == null ? null : State.ofCode(code);
        }
    }

    @Id
    private UUID id;

    @Column(name = "estacion_id", nullable = false, updatable = false)
    private UUID stationId;

    @Column(name = "usuario_id", nullable = false, updatable = false)
    private UUID operatorId;

    @Convert(converter = StateColumn.class)
    @Column(name = "estado", nullable = false, length = 20)
    private State state;

    @Column(name = "inicio", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "fin")
    private Instant closedAt;

    @Column(name = "motivo_pausa", length = PauseReason.DETAIL_LENGTH)
    private String pauseReason;

    @Column(name = "pausa_desde")
    private Instant pausedSince;

    @Version
    @Column(name = "version", nullable = false)
    private Long version;

    protected StationSession() {
        // for JPA
    }

    private StationSession(UUID stationId, UUID operatorId, Instant now) {
        this.id = UUID.randomUUID();
        this.stationId = Objects.requireNonNull(stationId, "stationId");
        this.operatorId = Objects.requireNonNull(operatorId, "operatorId");
        this.openedAt = Objects.requireNonNull(now, "now");
        this.state = State.ACTIVE;
    }

    /** The operator sits down at the station. */
    public static StationSession open(UUID stationId, UUID operatorId, Instant now) {
        return new StationSession(stationId, operatorId, now);
    }

    /**
     * The operator steps away; the pause's history row is returned for the caller to keep.
     *
     * @throws QueueException CONFLICT when already paused or closed
     */
    public StationPause pause(PauseReason reason, String stationName, Instant now) {
        if (state != State.ACTIVE) {
            throw QueueException.conflict(state == State.PAUSED ? "station.alreadyPaused" : "station.sessionClosed",
                    stationName);
        }
        this.state = State.PAUSED;
        this.pauseReason = reason.stored();
        this.pausedSince = now;
        return StationPause.start(id, reason, now);
    }

    /**
     * The operator is back and calls again.
     *
     * @throws QueueException CONFLICT when the session is not paused
     */
    public void resume(String stationName) {
        if (state != State.PAUSED) {
            throw QueueException.conflict("station.notPaused", stationName);
        }
        this.state = State.ACTIVE;
        this.pauseReason = null;
        this.pausedSince = null;
    }

    /** The operator leaves the station (or another one takes it over); a pause in course ends too. */
    public void close(Instant now) {
        if (state == State.CLOSED) {
            return;
        }
        this.state = State.CLOSED;
        this.pauseReason = null;
        this.pausedSince = null;
        this.closedAt = now.isBefore(openedAt) ? openedAt : now;
    }

    public boolean isPaused() {
        return state == State.PAUSED;
    }

    public boolean isOpen() {
        return state != State.CLOSED;
    }

    public UUID getId() {
        return id;
    }

    public UUID getStationId() {
        return stationId;
    }

    public UUID getOperatorId() {
        return operatorId;
    }

    public State getState() {
        return state;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    /** Why the station is paused, while it is; {@code null} otherwise. */
    public PauseReason getPauseReason() {
        return pauseReason == null ? null : PauseReason.ofStored(pauseReason);
    }

    public Instant getPausedSince() {
        return pausedSince;
    }

    @Override
    public String toString() {
        return "StationSession[" + stationId + ", " + state + "]";
    }
}
