package cl.ventanilla.queue.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One pause of a station session ({@code pausas_estacion}), with its reason, for the statistics. */
@Entity
@Table(name = "pausas_estacion")
public class StationPause {

    @Id
    private UUID id;

    @Column(name = "sesion_id", nullable = false, updatable = false)
    private UUID sessionId;

    @Column(name = "motivo", nullable = false, updatable = false, length = PauseReason.DETAIL_LENGTH)
    private String reason;

    @Column(name = "inicio", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "fin")
    private Instant endedAt;

    protected StationPause() {
        // for JPA
    }

    static StationPause start(UUID sessionId, PauseReason reason, Instant now) {
        StationPause pause = new StationPause();
        pause.id = UUID.randomUUID();
        pause.sessionId = sessionId;
        pause.reason = reason.stored();
        pause.startedAt = now;
        return pause;
    }

    /** The station works again; a pause ends once. */
    public void end(Instant now) {
        if (endedAt == null) {
            endedAt = now.isBefore(startedAt) ? startedAt : now;
        }
    }

    public UUID getId() {
        return id;
    }

    public UUID getSessionId() {
        return sessionId;
    }

    public PauseReason reason() {
        return PauseReason.ofStored(reason);
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }
}
