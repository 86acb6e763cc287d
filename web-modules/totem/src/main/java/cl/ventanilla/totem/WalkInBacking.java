package cl.ventanilla.totem;

import cl.ventanilla.appointments.boundary.Availability;
import cl.ventanilla.appointments.boundary.Slot;
import cl.ventanilla.config.boundary.PriorityRules;
import cl.ventanilla.config.boundary.ServiceCatalog;
import cl.ventanilla.config.entity.MunicipalService;
import cl.ventanilla.config.entity.PreferentialCategory;
import cl.ventanilla.faces.Feedback;
import cl.ventanilla.faces.QrSvg;
import cl.ventanilla.queue.boundary.TicketDesk;
import cl.ventanilla.queue.boundary.TicketDesk.IssuedTicket;
import cl.ventanilla.queue.entity.PublicToken;
import cl.ventanilla.queue.entity.QueueException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service chosen ({@code servicio.xhtml?id=}): the preferential categories its unit recognizes, and
 * the buttons that issue the ticket; when the day's walk-in quota is used up, the queue's message and
 * the public portal where an appointment can be booked. Reading what to offer comes from the configuration; issuing is the
 * queue's {@link TicketDesk}, the one boundary that changes anything here.
 */
@Named
@RequestScoped
public class WalkInBacking {

    @Inject
    ServiceCatalog catalog;

    @Inject
    PriorityRules priorityRules;

    @Inject
    TicketDesk desk;

    @Inject
    Availability availability;

    /** The queue's refusal when the day's walk-in tickets of the service are used up. */
    static final String WALK_IN_QUOTA_REACHED = "service.walkInQuotaReached";

    /** The start of the queue's refusals while the unit does not attend. */
    static final String UNIT_CLOSED = "unit.closed";

    /**
     * Where citizens reach the public portal, e.g. {@code https://ventanilla.municipio.cl}; by default
     * the host the kiosk itself uses.
     */
    @Inject
    @ConfigProperty(name = "ventanilla.public.url")
    Optional<String> publicUrl;

    private boolean quotaReached;
    private boolean closed;
    private Slot nextFree;
    private String serviceId;
    private String fixedUnit;
    private MunicipalService service;
    private List<PreferentialCategory> categories;

    /**
     * Called by {@code f:viewAction}: a service that is not on offer answers 404; while its unit is closed
     * the page says so and when it opens again, and offers no ticket.
     */
    public void load() {
        if (service() == null) {
            Feedback.notFound();
            return;
        }
        try {
            desk.ensureOpen(service.getUnit().getId());
        } catch (QueueException closedNow) {
            closed = true;
            Feedback.problem(closedNow);
        }
    }

    /** Whether the unit does not attend now: the page shows why and offers no ticket. */
    public boolean isClosed() {
        return closed;
    }

    /** Issues the ticket, with the category's code or {@code null} for general attention, and shows it. */
    public String issue(String categoryCode) {
        try {
            IssuedTicket issued = desk.issueWalkIn(UUID.fromString(serviceId), categoryCode);
            String token = PublicToken.of(issued.ticket().getPublicToken());
            String unit = fixedUnit == null || fixedUnit.isBlank() ? ""
                    : "&unidad=" + URLEncoder.encode(fixedUnit, StandardCharsets.UTF_8);
            return Feedback.redirect("ticket", false) + "&t=" + token + unit;
        } catch (RuntimeException refused) {
            Feedback.problem(refused);
            quotaReached = refused instanceof QueueException q && WALK_IN_QUOTA_REACHED.equals(q.key());
            closed = refused instanceof QueueException q && q.key().startsWith(UNIT_CLOSED);
            if (quotaReached && service().isTakesAppointments()) {
                nextFree = availability.firstFree(service.getId()).orElse(null);
            }
            return null;
        }
    }

    /** Whether the last attempt found the day's walk-in quota used up: the page points to booking online. */
    public boolean isQuotaReached() {
        return quotaReached;
    }

    /** When the walk-in quota is used up: the earliest time that can still be booked for the service, if any. */
    public Slot getNextFree() {
        return nextFree;
    }

    /** The booking page of this service on the public portal. */
    public String getBookingUrl() {
        return getPortalUrl() + "reservar.xhtml?servicio=" + serviceId.strip();
    }

    /** The booking page as a QR code, for the citizen's phone: a kiosk has no keyboard to type a link. */
    public String getBookingQr() {
        return QrSvg.of(getBookingUrl(), getBookingUrl());
    }

    /** The public portal, where the citizen books an appointment for another day. */
    public String getPortalUrl() {
        return publicUrl.map(url -> url.replaceAll("/+$", "")).orElseGet(KioskTicketBacking::sameHost) + "/";
    }

    public MunicipalService getService() {
        return service();
    }

    /** The categories the service's unit recognizes; empty when it offers no preferential attention. */
    public List<PreferentialCategory> getCategories() {
        if (categories == null) {
            categories = service() == null ? List.of()
                    : priorityRules.forUnit(service.getUnit().getId()).getCategories();
        }
        return categories;
    }

    private MunicipalService service() {
        if (service == null && serviceId != null) {
            service = catalog.activeServices().stream()
                    .filter(s -> s.getId().toString().equals(serviceId.strip())).findFirst().orElse(null);
        }
        return service;
    }

    /** The language of the page, to keep on the way back. */
    public String getLanguage() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage();
    }

    public String getServiceId() {
        return serviceId;
    }

    public void setServiceId(String serviceId) {
        this.serviceId = serviceId;
    }

    public String getFixedUnit() {
        return fixedUnit;
    }

    public void setFixedUnit(String fixedUnit) {
        this.fixedUnit = fixedUnit;
    }
}
