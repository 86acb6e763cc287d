package cl.ventanilla.configweb;

import cl.ventanilla.faces.Feedback;
import cl.ventanilla.config.boundary.UnitDetails;
import cl.ventanilla.config.boundary.Units;
import cl.ventanilla.config.entity.Unit;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;

/**
 * unit.xhtml: a new unit (in the directorate {@code direccion}, if given), or the one named by
 * {@code id} to change; its opening hours and closures are on unit-schedule.xhtml.
 */
@Named
@ViewScoped
public class UnitBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Units units;

    private UUID id;
    private boolean active = true;
    private UUID directorateId;
    private String name;
    private String address;
    private String phone;
    private String email;

    public void load() {
        if (id == null) {
            return;
        }
        units.find(id).ifPresentOrElse(this::fill, Feedback::notFound);
    }

    private void fill(Unit unit) {
        active = unit.isActive();
        directorateId = unit.getDirectorate().getId();
        name = unit.getName();
        address = unit.getAddress();
        phone = unit.getPhone();
        email = unit.getEmail();
    }

    public String save() {
        try {
            UnitDetails details = new UnitDetails(directorateId, name, address, phone, email);
            Unit saved = id == null ? units.create(details) : units.update(id, details);
            Feedback.done("notice.saved", saved.getName());
            return Feedback.redirect("units", false);
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

    public UUID getDirectorateId() {
        return directorateId;
    }

    public void setDirectorateId(UUID directorateId) {
        this.directorateId = directorateId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
