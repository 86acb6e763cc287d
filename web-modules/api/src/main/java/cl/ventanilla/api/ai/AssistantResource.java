package cl.ventanilla.api.ai;

import cl.ventanilla.ai.boundary.Assistant;
import cl.ventanilla.ai.boundary.Question;
import cl.ventanilla.api.Public;
import cl.ventanilla.api.ai.AssistantPayloads.Answered;
import cl.ventanilla.api.ai.AssistantPayloads.Asked;
import cl.ventanilla.api.problems.Languages;
import cl.ventanilla.kernel.web.ForwardedHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/ai}: the citizens' assistant. Public (citizens are anonymous), limited per client address;
 * an empty, too long or unreadable question answers 400, too many questions 429, as problem details in
 * Spanish or English.
 */
@ApplicationScoped
@Path("ai")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Asistente", description = "Qué trámite necesita y qué debe llevar, según el catálogo municipal")
public class AssistantResource {

    @Inject
    Assistant assistant;

    @Inject
    ForwardedHeaders forwarded;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @POST
    @Path("preguntas")
    @Public
    @Operation(summary = "Preguntar al asistente",
            description = "Busca en el catálogo los trámites que corresponden a la pregunta y, con un modelo de lenguaje "
                    + "(Google Gemini) cuando está configurado, redacta una respuesta breve que nombra solo esos trámites. "
                    + "Nunca envía al proveedor un RUT, correo o teléfono. Responde en inglés con Accept-Language: en.")
    @APIResponse(responseCode = "200", description = "La respuesta, con disponible=false cuando el modelo no participó",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Answered.class)))
    @APIResponse(responseCode = "400", description = "Pregunta vacía, de más de 500 caracteres o JSON ilegible",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "429", description = "Demasiadas preguntas desde la misma dirección en la última hora",
            content = @Content(mediaType = "application/problem+json"))
    public Answered ask(Asked asked) {
        return Answered.of(assistant.ask(new Question(asked == null ? null : asked.text(), Languages.preferred(headers),
                forwarded.clientAddress(request))));
    }
}
