package cl.ventanilla.configweb;

import cl.ventanilla.faces.Feedback;
import cl.ventanilla.config.boundary.ServiceDetails;
import cl.ventanilla.config.boundary.Services;
import cl.ventanilla.config.entity.MunicipalService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;

/**
 * service.xhtml: a new service (of the unit {@code unidad}, if given), or the one named by {@code id} to
 * change. The unit is chosen only for a new service: the boundary does not move services between units.
 */
@Named
@ViewScoped
public class ServiceBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Services services;

    private UUID id;
    private boolean active = true;
    private UUID unitId;
    private String unitName;
    private String name;
    private String description;
    private String prefix;
    private String requirements;
    // a new service starts with the values the entity has by default
    private Integer averageAttentionMinutes = 15;
    private boolean takesAppointments = true;
    private Integer slotMinutes = 20;
    private Integer dailyWalkInQuota;
    private Integer slaMinutes = 30;
    private Integer bookingHorizonDays = 30;
    private Integer minimumLeadMinutes = 120;

    public void load() {
        if (id == null) {
            return;
        }
        services.find(id).ifPresentOrElse(this::fill, Feedback::notFound);
    }

    private void fill(MunicipalService service) {
        active = service.isActive();
        unitId = service.getUnit().getId();
        unitName = service.getUnit().getName();
        name = service.getName();
        description = service.getDescription();
        prefix = service.getPrefix();
        requirements = service.getRequirements();
        averageAttentionMinutes = service.getAverageAttentionMinutes();
        takesAppointments = service.isTakesAppointments();
        slotMinutes = service.getSlotMinutes();
        dailyWalkInQuota = service.getDailyWalkInQuota();
        slaMinutes = service.getSlaMinutes();
        bookingHorizonDays = service.getBookingHorizonDays();
        minimumLeadMinutes = service.getMinimumLeadMinutes();
    }

    public String save() {
        try {
            ServiceDetails details = new ServiceDetails(unitId, name, description, prefix, requirements,
                    averageAttentionMinutes, slaMinutes, dailyWalkInQuota, takesAppointments, slotMinutes,
                    bookingHorizonDays, minimumLeadMinutes);
            MunicipalService saved = id == null ? services.create(details) : services.update(id, details);
            Feedback.done("notice.saved", saved.getName());
            return Feedback.redirect("services", false) + "&unidad=" + saved.getUnit().getId();
        } catch (RuntimeException e) {
            Feedback.problem(e);
            return null;
        }
    }

    public boolean isEditing() {
        return id != null;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public boolean isActive() {
        return active;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public void setUnitId(UUID unitId) {
        this.unitId = unitId;
    }

    public String getUnitName() {
        return unitName;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getRequirements() {
        return requirements;
    }

    public void setRequirements(String requirements) {
        this.requirements = requirements;
    }

    public Integer getAverageAttentionMinutes() {
        return averageAttentionMinutes;
    }

    public void setAverageAttentionMinutes(Integer averageAttentionMinutes) {
        this.averageAttentionMinutes = averageAttentionMinutes;
    }

    public boolean isTakesAppointments() {
        return takesAppointments;
    }

    public void setTakesAppointments(boolean takesAppointments) {
        this.takesAppointments = takesAppointments;
    }

    public Integer getSlotMinutes() {
        return slotMinutes;
    }

    public void setSlotMinutes(Integer slotMinutes) {
        this.slotMinutes = slotMinutes;
    }

    public Integer getDailyWalkInQuota() {
        return dailyWalkInQuota;
    }

    public void setDailyWalkInQuota(Integer dailyWalkInQuota) {
        this.dailyWalkInQuota = dailyWalkInQuota;
    }

    public Integer getSlaMinutes() {
        return slaMinutes;
    }

    public void setSlaMinutes(Integer slaMinutes) {
        this.slaMinutes = slaMinutes;
    }

    public Integer getBookingHorizonDays() {
        return bookingHorizonDays;
    }

    public void setBookingHorizonDays(Integer bookingHorizonDays) {
        this.bookingHorizonDays = bookingHorizonDays;
    }

    public Integer getMinimumLeadMinutes() {
        return minimumLeadMinutes;
    }

    public void setMinimumLeadMinutes(Integer minimumLeadMinutes) {
        this.minimumLeadMinutes = minimumLeadMinutes;
    }
}
