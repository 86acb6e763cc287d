package cl.ventanilla.lobby;

import cl.ventanilla.faces.Feedback;
import cl.ventanilla.queue.boundary.VirtualTickets;
import cl.ventanilla.queue.boundary.VirtualTickets.VirtualTicket;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The virtual ticket ({@code turno.xhtml?t=}), opened from the QR code of the printed ticket; no login. */
@Named
@RequestScoped
public class VirtualTicketBacking {

    @Inject
    VirtualTickets virtualTickets;

    private String token;
    private VirtualTicket ticket;

    /** Called by {@code f:viewAction}: an unknown token answers 404. */
    public void load() {
        ticket = virtualTickets.find(token).orElse(null);
        if (ticket == null) {
            Feedback.notFound();
        }
    }

    public VirtualTicket getTicket() {
        return ticket;
    }

    /** The key of the state's sentence in the {@code msg} bundle: {@code ticket.state.CALLED}… */
    public String getStateKey() {
        return "ticket.state." + ticket.state().name();
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
