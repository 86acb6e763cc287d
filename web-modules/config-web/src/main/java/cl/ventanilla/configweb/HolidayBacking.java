package cl.ventanilla.configweb;

import cl.ventanilla.faces.Feedback;
import cl.ventanilla.config.boundary.HolidayDetails;
import cl.ventanilla.config.boundary.Holidays;
import cl.ventanilla.config.entity.Holiday;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

/** holiday.xhtml: a new national holiday, or the one named by {@code id} to change. */
@Named
@ViewScoped
public class HolidayBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Holidays holidays;

    private UUID id;
    private boolean active = true;
    private LocalDate date;
    private String name;
    private boolean mandatory;

    public void load() {
        if (id == null) {
            return;
        }
        holidays.find(id).ifPresentOrElse(this::fill, Feedback::notFound);
    }

    private void fill(Holiday holiday) {
        active = holiday.isActive();
        date = holiday.getDate();
        name = holiday.getName();
        mandatory = holiday.isMandatory();
    }

    public String save() {
        try {
            HolidayDetails details = new HolidayDetails(date, name, mandatory);
            Holiday saved = id == null ? holidays.create(details) : holidays.update(id, details);
            Feedback.done("notice.saved", saved.getName());
            return Feedback.redirect("holidays", false) + "&anio=" + saved.getDate().getYear();
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

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isMandatory() {
        return mandatory;
    }

    public void setMandatory(boolean mandatory) {
        this.mandatory = mandatory;
    }
}
