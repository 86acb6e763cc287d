package cl.ventanilla.api.problems;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything unforeseen: logged in full with an incident id, answered with that id and a calm sentence,
 * never with a stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Exception exception) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "Incidente " + incident, exception);
        Locale locale = Languages.preferred(headers);
        Response.Status status = Response.Status.INTERNAL_SERVER_ERROR;
        return new Problem("urn:ventanilla:problem:unexpected", Languages.title(status, locale),
                status.getStatusCode(), Languages.message("http.500", locale, incident), "unexpected").toResponse();
    }
}
