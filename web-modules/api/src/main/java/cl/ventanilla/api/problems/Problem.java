package cl.ventanilla.api.problems;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail: what every error of the API looks like, with a {@code detail} a person
 * can read in the language they asked for.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "code"})
public record Problem(String type, String title, int status, String detail, String code) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
