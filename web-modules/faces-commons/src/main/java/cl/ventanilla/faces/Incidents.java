package cl.ventanilla.faces;

import cl.ventanilla.kernel.IncidentLog;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * What no screen foresaw, on a page request: logged as an incident ({@link IncidentLog}: the trace once,
 * then a count per minute while the same failure repeats) instead of a stack trace per request from the
 * container, and answered with the shared error page (500) that shows the incident's code. Ajax requests
 * keep Faces' own handling, which answers the page's script.
 */
public class Incidents extends ExceptionHandlerFactory {

    /** The request attribute the error page reads the incident's code from. */
    public static final String INCIDENT = "ventanilla.incidente";

    public Incidents(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            ExternalContext external = faces.getExternalContext();
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext() && !faces.getPartialViewContext().isAjaxRequest() && !external.isResponseCommitted()) {
                Throwable failure = events.next().getContext().getException();
                String incident = IncidentLog.shared().report(external.getRequestServletPath()
                        + (external.getRequestPathInfo() == null ? "" : external.getRequestPathInfo()), failure);
                events.remove();
                external.getRequestMap().put(INCIDENT, incident);
                try {
                    external.responseReset();
                    external.responseSendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                faces.responseComplete();
            }
            getWrapped().handle();
        }
    }
}
