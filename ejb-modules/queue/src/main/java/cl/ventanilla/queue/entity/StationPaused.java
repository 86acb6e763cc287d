package cl.ventanilla.queue.entity;

import java.time.Instant;
import java.util.UUID;

/** Fact of the queue: a station paused; it calls nobody until it resumes. The lobby shows it as paused. */
public record StationPaused(UUID unitId, UUID stationId, String stationName, int stationNumber, PauseReason reason,
        Instant at) {

    public static StationPaused of(Station station, PauseReason reason, Instant at) {
        return new StationPaused(station.unitId(), station.id(), station.name(), station.number(), reason, at);
    }
}
