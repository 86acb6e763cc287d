package cl.ventanilla.queue.control;

import static cl.ventanilla.kernel.JsonText.JSON;

import cl.ventanilla.queue.entity.StationClosed;
import cl.ventanilla.queue.entity.StationOpened;
import cl.ventanilla.queue.entity.StationPaused;
import cl.ventanilla.queue.entity.StationResumed;
import cl.ventanilla.queue.entity.TicketCalled;
import cl.ventanilla.queue.entity.TicketFinished;
import cl.ventanilla.queue.entity.TicketIssued;
import cl.ventanilla.queue.entity.TicketNoShow;
import cl.ventanilla.queue.entity.TicketRecalled;
import cl.ventanilla.queue.entity.TicketStarted;
import cl.ventanilla.queue.entity.TicketTransferred;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A queue event as the lobby screens and the virtual tickets receive it over the web socket and the
 * other instances over Redis: numbers, service and station, never personal data. {@code instance} names
 * the application instance that published it, so an instance ignores its own messages coming back.
 *
 * @param kind issued, called, recalled, started, finished, no-show or transferred; paused, resumed, opened
 *             (an operator sat down) or closed (they left) for a station, without a ticket number
 */
public record LiveMessage(UUID unitId, String kind, String number, String spokenNumber, UUID serviceId,
        String serviceName, UUID fromServiceId, String stationName, Integer stationNumber, Instant at) {

    public static LiveMessage of(TicketIssued e) {
        return new LiveMessage(e.unitId(), "issued", e.number(), e.spokenNumber(), e.serviceId(), null, null, null,
                null, e.at());
    }

    public static LiveMessage of(TicketCalled e) {
        return new LiveMessage(e.unitId(), "called", e.number(), e.spokenNumber(), e.serviceId(), null, null,
                e.stationName(), e.stationNumber(), e.at());
    }

    public static LiveMessage of(TicketRecalled e) {
        return new LiveMessage(e.unitId(), "recalled", e.number(), e.spokenNumber(), e.serviceId(), null, null,
                e.stationName(), e.stationNumber(), e.at());
    }

    public static LiveMessage of(TicketStarted e) {
        return new LiveMessage(e.unitId(), "started", e.number(), e.spokenNumber(), e.serviceId(), null, null,
                e.stationName(), e.stationNumber(), e.at());
    }

    public static LiveMessage of(TicketFinished e) {
        return new LiveMessage(e.unitId(), "finished", e.number(), e.spokenNumber(), e.serviceId(), null, null,
                e.stationName(), e.stationNumber(), e.at());
    }

    public static LiveMessage of(TicketNoShow e) {
        return new LiveMessage(e.unitId(), "no-show", e.number(), e.spokenNumber(), e.serviceId(), null, null,
                e.stationName(), e.stationNumber(), e.at());
    }

    /** The station is absent when a waiting ticket was transferred. */
    public static LiveMessage of(TicketTransferred e) {
        return new LiveMessage(e.unitId(), "transferred", e.number(), e.spokenNumber(), e.toServiceId(), null,
                e.fromServiceId(), e.stationName(), e.stationId() == null ? null : e.stationNumber(), e.at());
    }

    /** A station paused: the screens list it as not calling; the reason stays with the staff. */
    public static LiveMessage of(StationPaused e) {
        return new LiveMessage(e.unitId(), "paused", null, null, null, null, null, e.stationName(),
                e.stationNumber(), e.at());
    }

    public static LiveMessage of(StationResumed e) {
        return new LiveMessage(e.unitId(), "resumed", null, null, null, null, null, e.stationName(),
                e.stationNumber(), e.at());
    }

    /** An operator sat down at a station: the supervisor's view counts it as open. */
    public static LiveMessage of(StationOpened e) {
        return new LiveMessage(e.unitId(), "opened", null, null, null, null, null, e.stationName(),
                e.stationNumber(), e.at());
    }

    /** Nobody sits at the station any more. */
    public static LiveMessage of(StationClosed e) {
        return new LiveMessage(e.unitId(), "closed", null, null, null, null, null, e.stationName(),
                e.stationNumber(), e.at());
    }

    public LiveMessage withServiceName(String name) {
        return new LiveMessage(unitId, kind, number, spokenNumber, serviceId, name, fromServiceId, stationName,
                stationNumber, at);
    }

    /** The message as sent, one JSON object; absent values are {@code null}. */
    public String toJson(String instance) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("instance", instance)
                .add("unitId", unitId.toString())
                .add("kind", kind);
        optional(json, "number", number);
        optional(json, "spokenNumber", spokenNumber);
        optional(json, "serviceId", serviceId);
        optional(json, "serviceName", serviceName);
        optional(json, "fromServiceId", fromServiceId);
        optional(json, "stationName", stationName);
        if (stationNumber == null) {
            json.addNull("stationNumber");
        } else {
            json.add("stationNumber", stationNumber);
        }
        return json.add("at", at.toString()).build().toString();
    }

    private static void optional(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value.toString());
        }
    }

    /** The unit and the publishing instance of a message received from Redis; empty when it is not one of ours. */
    public static Optional<Envelope> envelopeOf(String json) {
        try {
            JsonObject object = JSON.createReader(new StringReader(json)).readObject();
            return Optional.of(new Envelope(UUID.fromString(object.getString("unitId")),
                    object.getString("instance")));
        } catch (RuntimeException notOurs) {
            return Optional.empty();
        }
    }

    /** Where a message received from another instance goes. */
    public record Envelope(UUID unitId, String instance) {
    }
}
