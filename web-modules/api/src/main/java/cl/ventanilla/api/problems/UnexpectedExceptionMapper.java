package cl.ventanilla.api.problems;

import cl.ventanilla.kernel.DatabaseUnavailable;
import cl.ventanilla.kernel.IncidentLog;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything unforeseen: logged as an incident ({@link IncidentLog}: the trace once, then a count per
 * minute while the same failure repeats), answered with the incident's id and a calm sentence, never
 * with a stack trace. A database that cannot be reached for the moment (a switch-over of the
 * cluster) is not unforeseen: 503 with Retry-After, so kiosks and screens try again.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Exception exception) {
        Locale locale = Languages.preferred(headers);
        if (DatabaseUnavailable.causes(exception)) {
            // a failover in progress, not a fault: said once in the log, and the client may simply retry
            LOG.log(Level.WARNING, "Base de datos no disponible: {0}", String.valueOf(exception));
            Response.Status status = Response.Status.SERVICE_UNAVAILABLE;
            return Response.fromResponse(new Problem(DatabaseUnavailable.PROBLEM_TYPE,
                    Languages.title(status, locale), status.getStatusCode(),
                    DatabaseUnavailable.message(locale), "database.unavailable").toResponse())
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        IncidentLog incidents = IncidentLog.shared();
        incidents.flush();
        String incident = incidents.report(where(), exception);
        Response.Status status = Response.Status.INTERNAL_SERVER_ERROR;
        return new Problem("urn:ventanilla:problem:unexpected", Languages.title(status, locale),
                status.getStatusCode(), Languages.message("http.500", locale, incident), "unexpected").toResponse();
    }

    /** The request, as the log names it: {@code POST /api/queue/tickets}. */
    private String where() {
        try {
            return (request == null ? "?" : request.getMethod()) + " " + (uri == null ? "?" : "/api/" + uri.getPath());
        } catch (RuntimeException outsideARequest) {
            return "?";
        }
    }
}
