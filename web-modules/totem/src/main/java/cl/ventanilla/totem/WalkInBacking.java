package cl.ventanilla.totem;

import cl.ventanilla.config.boundary.PriorityRules;
import cl.ventanilla.config.boundary.ServiceCatalog;
import cl.ventanilla.config.entity.MunicipalService;
import cl.ventanilla.config.entity.PreferentialCategory;
import cl.ventanilla.faces.Feedback;
import cl.ventanilla.queue.boundary.TicketDesk;
import cl.ventanilla.queue.boundary.TicketDesk.IssuedTicket;
import cl.ventanilla.queue.entity.PublicToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The service chosen ({@code servicio.xhtml?id=}): the preferential categories its unit recognizes, and
 * the buttons that issue the ticket. Reading what to offer comes from the configuration; issuing is the
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

    private String serviceId;
    private String fixedUnit;
    private MunicipalService service;
    private List<PreferentialCategory> categories;

    /** Called by {@code f:viewAction}: a service that is not on offer answers 404. */
    public void load() {
        if (service() == null) {
            Feedback.notFound();
        }
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
            return null;
        }
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
