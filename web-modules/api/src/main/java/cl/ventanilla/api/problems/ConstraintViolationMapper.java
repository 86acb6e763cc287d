package cl.ventanilla.api.problems;

import cl.ventanilla.kernel.ViolationMessages;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A request payload or parameter that breaks Bean Validation becomes a 400 problem listing each
 * field's message. Messages are interpolated again in the caller's language, because the validator
 * wrote them in the server's default one.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        Locale locale = Languages.preferred(headers);
        List<ValidationProblem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new ValidationProblem.FieldError(field(v.getPropertyPath()), ViolationMessages.in(v, locale)))
                .sorted(Comparator.comparing(ValidationProblem.FieldError::field))
                .toList();
        Response.Status status = Response.Status.BAD_REQUEST;
        String detail = errors.stream().map(ValidationProblem.FieldError::message).distinct()
                .collect(Collectors.joining(" "));
        return new ValidationProblem("urn:ventanilla:problem:validation", Languages.title(status, locale),
                status.getStatusCode(), detail, "validation", errors).toResponse();
    }

    /**
     * The field as a form knows it: {@code name}, {@code serviceIds[2]}; the method and parameter names
     * only when the whole parameter is at fault (a query parameter, a missing body).
     */
    private static String field(Path path) {
        String parameter = null;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER, BEAN -> {
                    // not part of what the caller sent
                }
                case PARAMETER -> parameter = node.getName();
                case CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                }
                default -> {
                    if (node.isInIterable() && node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                    field.append(field.length() > 0 ? "." : "").append(node.getName());
                }
            }
        }
        return field.length() > 0 ? field.toString() : String.valueOf(parameter);
    }
}
