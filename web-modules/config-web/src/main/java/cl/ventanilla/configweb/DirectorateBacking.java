package cl.ventanilla.configweb;

import cl.ventanilla.faces.Feedback;
import cl.ventanilla.config.boundary.DirectorateDetails;
import cl.ventanilla.config.boundary.Directorates;
import cl.ventanilla.config.entity.Directorate;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;

/** directorate.xhtml: a new directorate, or the one named by {@code id} to change. */
@Named
@ViewScoped
public class DirectorateBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Directorates directorates;

    private UUID id;
    private boolean active = true;
    private String name;
    private String description;

    public void load() {
        if (id == null) {
            return;
        }
        directorates.find(id).ifPresentOrElse(this::fill, Feedback::notFound);
    }

    private void fill(Directorate directorate) {
        active = directorate.isActive();
        name = directorate.getName();
        description = directorate.getDescription();
    }

    public String save() {
        try {
            DirectorateDetails details = new DirectorateDetails(name, description);
            Directorate saved = id == null ? directorates.create(details) : directorates.update(id, details);
            Feedback.done("notice.saved", saved.getName());
            return Feedback.redirect("directorates", false);
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
}
