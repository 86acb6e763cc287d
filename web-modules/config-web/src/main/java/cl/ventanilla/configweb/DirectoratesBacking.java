package cl.ventanilla.configweb;

import cl.ventanilla.config.boundary.Directorates;
import cl.ventanilla.config.boundary.Page;
import cl.ventanilla.config.entity.Directorate;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/** directorates.xhtml: the municipality's directorates, searched, filtered and paged. */
@Named
@ViewScoped
public class DirectoratesBacking extends ListBacking<Directorate> {

    private static final long serialVersionUID = 1L;

    @Inject
    Directorates directorates;

    @Override
    protected Page<Directorate> search(String text, Boolean active, int page, int size) {
        return directorates.search(text, active, page, size);
    }

    @Override
    protected Directorate deactivated(UUID id) {
        return directorates.deactivate(id);
    }

    @Override
    protected Directorate activated(UUID id) {
        return directorates.activate(id);
    }

    @Override
    protected String name(Directorate directorate) {
        return directorate.getName();
    }

    @Override
    protected String view() {
        return "directorates";
    }
}
