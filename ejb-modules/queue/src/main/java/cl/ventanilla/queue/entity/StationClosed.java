package cl.ventanilla.queue.entity;

import java.time.Instant;
import java.util.UUID;

/** Fact of the queue: the operator left the station (or sat down elsewhere): nobody attends there now. */
public record StationClosed(UUID unitId, UUID stationId, String stationName, int stationNumber, Instant at) {

    public static StationClosed of(Station station, Instant at) {
        return new StationClosed(station.unitId(), station.id(), station.name(), station.number(), at);
    }
}
