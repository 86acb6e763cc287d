package cl.ventanilla.totem;

import cl.ventanilla.faces.Feedback;
import cl.ventanilla.faces.QrSvg;
import cl.ventanilla.queue.boundary.VirtualTickets;
import cl.ventanilla.queue.boundary.VirtualTickets.VirtualTicket;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ticket just issued ({@code ticket.xhtml?t=}), laid out for an 80 mm thermal printer, with the QR
 * code of the virtual ticket. Found by the public token, like the virtual ticket, so the page can be
 * reloaded or printed again without issuing another ticket.
 */
@Named
@RequestScoped
public class KioskTicketBacking {

    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    @Inject
    VirtualTickets virtualTickets;

    /** The name printed at the top of the ticket. */
    @Inject
    @ConfigProperty(name = "ventanilla.municipality.name", defaultValue = "Ilustre Municipalidad")
    String municipality;

    /**
     * Where citizens reach the public portal, e.g. {@code https://ventanilla.municipio.cl}; by default
     * the host the kiosk itself uses.
     */
    @Inject
    @ConfigProperty(name = "ventanilla.public.url")
    Optional<String> publicUrl;

    private String token;
    private VirtualTicket ticket;

    /** Called by {@code f:viewAction}. */
    public void load() {
        ticket = virtualTickets.find(token).orElse(null);
        if (ticket == null) {
            Feedback.notFound();
        }
    }

    public VirtualTicket getTicket() {
        return ticket;
    }

    public String getMunicipality() {
        return municipality;
    }

    public String getIssuedAt() {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .format(ticket.issuedAt().atZone(SANTIAGO));
    }

    /** The address of the virtual ticket, as the QR code carries it. */
    public String getVirtualTicketUrl() {
        return publicUrl.map(url -> url.replaceAll("/+$", "")).orElseGet(KioskTicketBacking::sameHost)
                + "/turno.xhtml?t=" + ticket.token();
    }

    public String getQrSvg() {
        return QrSvg.of(getVirtualTicketUrl(), ticket.number());
    }

    /** The scheme, host and port the kiosk reached this server with. */
    static String sameHost() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        int port = request.getServerPort();
        boolean defaultPort = "https".equals(request.getScheme()) ? port == 443 : port == 80;
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
