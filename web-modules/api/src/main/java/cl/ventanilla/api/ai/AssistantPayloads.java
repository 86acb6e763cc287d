package cl.ventanilla.api.ai;

import cl.ventanilla.ai.boundary.AssistantAnswer;
import cl.ventanilla.ai.boundary.SuggestedService;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON of {@code /api/ai/}, in the Spanish field names of the original API ({@code pregunta},
 * {@code respuesta}, {@code servicios}, {@code disponible}).
 * Public: JSON-B reads and writes records only through public accessors.
 */
public final class AssistantPayloads {

    private AssistantPayloads() {
    }

    @Schema(name = "Pregunta", description = "Lo que el vecino quiere saber, en palabras simples (hasta 500 caracteres).")
    public record Asked(
            @Schema(example = "¿Qué necesito para renovar mi licencia de conducir?", maxLength = 500, required = true)
            @JsonbProperty("pregunta") String text) {
    }

    @Schema(name = "Respuesta", description = "La respuesta del asistente: solo trámites del catálogo municipal.")
    @JsonbPropertyOrder({"respuesta", "servicios", "disponible"})
    public record Answered(
            @Schema(description = "Texto breve para el vecino, en su idioma")
            @JsonbProperty("respuesta") String text,
            @Schema(description = "Trámites del catálogo que responden la pregunta, el más pertinente primero")
            @JsonbProperty("servicios") List<Service> services,
            @Schema(description = "false: el modelo de lenguaje no participó (sin clave, con falla o lento) y los "
                    + "trámites son las coincidencias del catálogo con las palabras de la pregunta")
            @JsonbProperty("disponible") boolean available) {

        static Answered of(AssistantAnswer answer) {
            return new Answered(answer.text(), answer.services().stream().map(Service::of).toList(), answer.available());
        }
    }

    @Schema(name = "ServicioSugerido")
    @JsonbPropertyOrder({"id", "nombre", "unidad", "requisitos", "urlReserva"})
    public record Service(
            @JsonbProperty("id") UUID id,
            @JsonbProperty("nombre") String name,
            @Schema(description = "La oficina que lo atiende")
            @JsonbProperty("unidad") String unit,
            @Schema(description = "Los requisitos tal como los publica la municipalidad")
            @JsonbProperty("requisitos") String requirements,
            @Schema(description = "La página del portal para reservar hora; ausente cuando el trámite es solo presencial",
                    example = "/reservar.xhtml?servicio=30000000-0000-4000-8000-000000000002")
            @JsonbProperty("urlReserva") String bookingUrl) {

        static Service of(SuggestedService service) {
            return new Service(service.id(), service.name(), service.unit(), service.requirements(), service.bookingUrl());
        }
    }
}
