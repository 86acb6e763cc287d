package cl.ventanilla.api.problems;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** A malformed path or query parameter becomes a 400 problem that names the value. */
@Provider
public class InvalidParameterMapper implements ExceptionMapper<InvalidParameterException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(InvalidParameterException exception) {
        Locale locale = Languages.preferred(headers);
        Response.Status status = Response.Status.BAD_REQUEST;
        return new Problem("urn:ventanilla:problem:" + exception.key(), Languages.title(status, locale),
                status.getStatusCode(), Languages.message(exception.key(), locale, exception.value()),
                exception.key()).toResponse();
    }
}
