package cl.ventanilla.queue.entity;

import java.time.Instant;
import java.util.UUID;

/** Fact of the queue: a paused station calls again. */
public record StationResumed(UUID unitId, UUID stationId, String stationName, int stationNumber, Instant at) {

    public static StationResumed of(Station station, Instant at) {
        return new StationResumed(station.unitId(), station.id(), station.name(), station.number(), at);
    }
}
