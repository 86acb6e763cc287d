package cl.ventanilla.api.problems;

import cl.ventanilla.kernel.DomainException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * A request body JSON-B could not read. Jersey reports it as a {@link ProcessingException}, which would
 * otherwise be a 500: malformed JSON, a UUID or date that is not one, or a value object refusing its
 * data (overlapping opening hours) is the caller's mistake, a 400 with the domain's own message when
 * there is one.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProcessingException exception) {
        boolean unreadableJson = false;
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                DomainExceptionMapper mapper = new DomainExceptionMapper();
                mapper.headers = headers;
                return mapper.toResponse(domain);
            }
            if (cause instanceof BodyLimit.TooLarge) {
                WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();
                mapper.headers = headers;
                return mapper.toResponse(new jakarta.ws.rs.WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE));
            }
            unreadableJson |= cause instanceof JsonbException;
        }
        if (unreadableJson) {
            Locale locale = Languages.preferred(headers);
            Response.Status status = Response.Status.BAD_REQUEST;
            return new Problem("urn:ventanilla:problem:http.400", Languages.title(status, locale),
                    status.getStatusCode(), Languages.message("http.400", locale), "http.400").toResponse();
        }
        UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();
        unexpected.headers = headers;
        unexpected.request = request;
        unexpected.uri = uri;
        return unexpected.toResponse(exception);
    }
}
