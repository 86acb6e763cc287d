package cl.ventanilla.api.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** HTTP-level errors (unknown path, wrong method, unreadable JSON) as problems, never as HTML or a trace. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Locale locale = Languages.preferred(headers);
        Response.StatusType status = exception.getResponse().getStatusInfo();
        String key = "http." + status.getStatusCode();
        return new Problem("urn:ventanilla:problem:" + key, Languages.title(status, locale),
                status.getStatusCode(), Languages.message(key, locale), key).toResponse();
    }
}
