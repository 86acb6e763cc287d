package cl.ventanilla.api.problems;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The problem detail of a request whose data broke Bean Validation: besides the sentence, which
 * field said what, so a form can put each message next to its field.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "code", "errors"})
public record ValidationProblem(String type, String title, int status, String detail, String code,
        List<FieldError> errors) {

    public Response toResponse() {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(this).build();
    }

    /** One broken constraint: the field ({@code name}, {@code serviceIds[2]}) and its message. */
    public record FieldError(String field, String message) {
    }
}
