package cl.ventanilla.api.problems;

import cl.ventanilla.kernel.DomainException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** A broken domain rule becomes a 4xx problem with the message in the caller's language. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(DomainException exception) {
        Locale locale = Languages.preferred(headers);
        Response.Status status = switch (exception.kind()) {
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
            case FORBIDDEN -> Response.Status.FORBIDDEN;
            case UNAUTHENTICATED -> Response.Status.UNAUTHORIZED;
            case INVALID -> Response.Status.BAD_REQUEST;
            case TOO_MANY_REQUESTS -> Response.Status.TOO_MANY_REQUESTS;
        };
        return new Problem("urn:ventanilla:problem:" + exception.key(), Languages.title(status, locale),
                status.getStatusCode(), exception.messageIn(locale), exception.key()).toResponse();
    }
}
