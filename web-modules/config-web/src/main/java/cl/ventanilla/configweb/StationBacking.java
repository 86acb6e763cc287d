package cl.ventanilla.configweb;

import cl.ventanilla.faces.Feedback;
import cl.ventanilla.config.boundary.StationDetails;
import cl.ventanilla.config.boundary.Stations;
import cl.ventanilla.config.entity.Station;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.UUID;

/**
 * station.xhtml: a new station of the unit {@code unidad}, or the one named by {@code id} to change.
 * The unit comes first (a GET form asks for it) because the services offered as checkboxes are that
 * unit's; it does not change afterwards.
 */
@Named
@ViewScoped
public class StationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Stations stations;

    private UUID id;
    private boolean active = true;
    private UUID unitId;
    private String unitName;
    private Integer number;
    private String name;
    // an array, so each checked value is converted to the element type, UUID
    private UUID[] serviceIds = new UUID[0];

    public void load() {
        if (id == null) {
            return;
        }
        stations.find(id).ifPresentOrElse(this::fill, Feedback::notFound);
    }

    private void fill(Station station) {
        active = station.isActive();
        unitId = station.getUnit().getId();
        unitName = station.getUnit().getName();
        number = station.getNumber();
        name = station.getName();
        serviceIds = station.getServiceIds().toArray(UUID[]::new);
    }

    public String save() {
        try {
            StationDetails details = new StationDetails(unitId, number, name, Arrays.asList(serviceIds));
            Station saved = id == null ? stations.create(details) : stations.update(id, details);
            Feedback.done("notice.saved", saved.getName());
            return Feedback.redirect("stations", false) + "&unidad=" + unitId;
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

    public Integer getNumber() {
        return number;
    }

    public void setNumber(Integer number) {
        this.number = number;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public UUID[] getServiceIds() {
        return serviceIds.clone();
    }

    public void setServiceIds(UUID[] serviceIds) {
        this.serviceIds = serviceIds == null ? new UUID[0] : serviceIds.clone();
    }
}
