package cl.ventanilla.queue.entity;

import java.time.Instant;
import java.util.UUID;

/** Fact of the queue: an operator sat down at a station, which now attends. */
public record StationOpened(UUID unitId, UUID stationId, String stationName, int stationNumber, Instant at) {

    public static StationOpened of(Station station, Instant at) {
        return new StationOpened(station.unitId(), station.id(), station.name(), station.number(), at);
    }
}
