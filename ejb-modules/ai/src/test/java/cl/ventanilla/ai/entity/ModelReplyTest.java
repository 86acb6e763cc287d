package cl.ventanilla.ai.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ModelReplyTest {

    private static final UUID RENEWAL = DemoCatalog.LICENCE_RENEWAL;
    private static final UUID DUPLICATE = DemoCatalog.LICENCE_DUPLICATE;
    private static final UUID FIRST = DemoCatalog.FIRST_LICENCE;
    private static final List<UUID> GIVEN = List.of(RENEWAL, DUPLICATE, FIRST);

    @Test
    void theChosenServicesAndTheTextAreKept() {
        ModelReply reply = ModelReply.parse("""
                {"servicios": ["%s"], "respuesta": "Necesita la Renovación de licencia de conducir. Lleve su cédula."}
                """.formatted(RENEWAL), GIVEN).orElseThrow();
        assertEquals(List.of(RENEWAL), reply.serviceIds());
        assertEquals(Optional.of("Necesita la Renovación de licencia de conducir. Lleve su cédula."), reply.text());
    }

    @Test
    void anInventedIdIsDroppedAndTheRestKept() {
        UUID invented = UUID.randomUUID();
        UUID otherService = DemoCatalog.BUSINESS_LICENCE;
        ModelReply reply = ModelReply.parse("""
                {"servicios": ["%s", "%s", "%s", "no-es-un-id", 42, "%s"], "respuesta": "Texto."}
                """.formatted(invented, DUPLICATE, otherService, DUPLICATE), GIVEN).orElseThrow();
        assertEquals(List.of(DUPLICATE), reply.serviceIds());
    }

    @Test
    void atMostThreeServices() {
        List<UUID> many = List.of(RENEWAL, DUPLICATE, FIRST, DemoCatalog.id(4));
        ModelReply reply = ModelReply.parse("{\"servicios\": [\"%s\", \"%s\", \"%s\", \"%s\"], \"respuesta\": \"x\"}"
                .formatted(many.toArray()), many).orElseThrow();
        assertEquals(List.of(RENEWAL, DUPLICATE, FIRST), reply.serviceIds());
    }

    @Test
    void aTextWithPricesOrLinksIsLeftOut() {
        for (String text : List.of("La renovación cuesta $25.000.", "Cuesta 0,5 UTM.", "Son 25.000 pesos.",
                "Pague 1 UF en caja.", "Vea https://example.com/licencias", "Vea www.municipio.cl", "")) {
            ModelReply reply = ModelReply.parse("{\"servicios\": [\"%s\"], \"respuesta\": \"%s\"}".formatted(RENEWAL, text),
                    GIVEN).orElseThrow();
            assertEquals(Optional.empty(), reply.text(), text);
            assertEquals(List.of(RENEWAL), reply.serviceIds());
        }
        assertEquals(Optional.empty(), ModelReply.parse("{\"servicios\": [], \"respuesta\": \"" + "muy largo ".repeat(100) + "\"}",
                GIVEN).orElseThrow().text());
    }

    @Test
    void whatIsNotTheAskedJsonIsNoReply() {
        for (String text : List.of("Necesita renovar su licencia.", "{\"servicios\": [", "[\"" + RENEWAL + "\"]", "", "null")) {
            assertEquals(Optional.empty(), ModelReply.parse(text, GIVEN), text);
        }
        ModelReply noList = ModelReply.parse("{\"respuesta\": \"Hola\"}", GIVEN).orElseThrow();
        assertEquals(List.of(), noList.serviceIds());
    }

    @Test
    void aMarkdownFenceAroundTheJsonIsTolerated() {
        ModelReply reply = ModelReply.parse("```json\n{\"servicios\": [\"" + FIRST + "\"], \"respuesta\": \"Primera licencia.\"}\n```",
                GIVEN).orElseThrow();
        assertEquals(List.of(FIRST), reply.serviceIds());
    }

    @Test
    void aSummaryIsReadTheSameWay() {
        assertEquals(Optional.of("La demanda se concentró en renovaciones."),
                ModelReply.summary("{\"resumen\": \"  La demanda se concentró\\nen renovaciones. \"}"));
        assertEquals(Optional.empty(), ModelReply.summary("{\"otro\": \"x\"}"));
        assertTrue(ModelReply.summary("no json").isEmpty());
    }
}
