package cl.ventanilla.queue.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.queue.entity.PauseReason;
import cl.ventanilla.queue.entity.Station;
import cl.ventanilla.queue.entity.StationClosed;
import cl.ventanilla.queue.entity.StationOpened;
import cl.ventanilla.queue.entity.StationPaused;
import cl.ventanilla.queue.entity.TicketCalled;
import cl.ventanilla.queue.entity.TicketTransferred;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiveMessageTest {

    private static final UUID UNIT = UUID.randomUUID();
    private static final UUID SERVICE = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-03-02T13:15:00Z");

    @Test
    void aCallCarriesWhatTheScreenShowsAndSays() {
        TicketCalled called = new TicketCalled(UUID.randomUUID(), UNIT, SERVICE, "A-023", "A 23", UUID.randomUUID(),
                "Módulo 4", 4, AT.minusSeconds(300), AT);

        JsonObject json = parse(LiveMessage.of(called).withServiceName("Licencias").toJson("instancia-1"));

        assertEquals("instancia-1", json.getString("instance"));
        assertEquals(UNIT.toString(), json.getString("unitId"));
        assertEquals("called", json.getString("kind"));
        assertEquals("A-023", json.getString("number"));
        assertEquals("A 23", json.getString("spokenNumber"));
        assertEquals(SERVICE.toString(), json.getString("serviceId"));
        assertEquals("Licencias", json.getString("serviceName"));
        assertEquals("Módulo 4", json.getString("stationName"));
        assertEquals(4, json.getInt("stationNumber"));
        assertEquals("2026-03-02T13:15:00Z", json.getString("at"));
        assertEquals(JsonValue.NULL, json.get("fromServiceId"));
    }

    @Test
    void aWaitingTicketTransferredWithoutStationHasNoStation() {
        UUID from = UUID.randomUUID();
        TicketTransferred moved = new TicketTransferred(UUID.randomUUID(), UNIT, from, SERVICE, "B-007", "B 7", null,
                null, 0, AT, java.time.LocalDate.of(2026, 11, 2));

        JsonObject json = parse(LiveMessage.of(moved).toJson("i"));

        assertEquals("transferred", json.getString("kind"));
        assertEquals(SERVICE.toString(), json.getString("serviceId"));
        assertEquals(from.toString(), json.getString("fromServiceId"));
        assertEquals(JsonValue.NULL, json.get("stationName"));
        assertEquals(JsonValue.NULL, json.get("stationNumber"));
        assertEquals(JsonValue.NULL, json.get("serviceName"));
    }

    @Test
    void theEnvelopeNamesUnitAndInstanceAndIgnoresForeignMessages() {
        String json = LiveMessage.of(new TicketCalled(UUID.randomUUID(), UNIT, SERVICE, "A-001", "A 1",
                UUID.randomUUID(), "Módulo 1", 1, AT.minusSeconds(60), AT)).toJson("otra");

        assertEquals(new LiveMessage.Envelope(UNIT, "otra"), LiveMessage.envelopeOf(json).orElseThrow());
        assertTrue(LiveMessage.envelopeOf("hola").isEmpty());
        assertTrue(LiveMessage.envelopeOf("{\"unitId\":\"x\"}").isEmpty());
    }

    @Test
    void channelsDeliverToTheUnitsSinksAndDropBrokenOnes() {
        DisplayChannels channels = new DisplayChannels();
        List<String> received = new ArrayList<>();
        DisplayChannels.Sink broken = json -> {
            throw new IllegalStateException("cerrada");
        };
        channels.register(UNIT, received::add);
        channels.register(UNIT, broken);
        channels.register(UUID.randomUUID(), json -> received.add("otra unidad"));

        channels.deliver(UNIT, "{}");

        assertEquals(List.of("{}"), received);
        assertEquals(1, channels.listening(UNIT));
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void aPausedStationTellsTheScreensWithoutANumberNorTheReason() {
        Station station = new Station(UUID.randomUUID(), UUID.randomUUID(), "Módulo 4", 4, true, List.of());
        JsonObject json = parse(LiveMessage.of(StationPaused.of(station, PauseReason.of("OTHER", "trámite médico"), AT))
                .toJson("i"));
        assertEquals("paused", json.getString("kind"));
        assertEquals(JsonValue.NULL, json.get("number"));
        assertEquals("Módulo 4", json.getString("stationName"));
        assertEquals(4, json.getInt("stationNumber"));
        assertTrue(json.values().stream().noneMatch(v -> v.toString().contains("médico")), json::toString);
    }

    @Test
    void aStationOpenedOrClosedTellsTheScreensWhichStation() {
        Station station = new Station(UUID.randomUUID(), UUID.randomUUID(), "Módulo 5", 5, true, List.of());
        JsonObject opened = parse(LiveMessage.of(StationOpened.of(station, AT)).toJson("i"));
        assertEquals("opened", opened.getString("kind"));
        assertEquals(station.unitId().toString(), opened.getString("unitId"));
        assertEquals(5, opened.getInt("stationNumber"));
        JsonObject closed = parse(LiveMessage.of(StationClosed.of(station, AT)).toJson("i"));
        assertEquals("closed", closed.getString("kind"));
        assertEquals(JsonValue.NULL, closed.get("number"));
    }
}
