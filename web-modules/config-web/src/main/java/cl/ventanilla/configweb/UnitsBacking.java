package cl.ventanilla.configweb;

import cl.ventanilla.config.boundary.Page;
import cl.ventanilla.config.boundary.Units;
import cl.ventanilla.config.entity.Unit;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/** units.xhtml: the units, of one directorate ({@code direccion}) or of all, searched, filtered and paged. */
@Named
@ViewScoped
public class UnitsBacking extends ListBacking<Unit> {

    private static final long serialVersionUID = 1L;

    @Inject
    Units units;

    private UUID directorateId;

    @Override
    protected Page<Unit> search(String text, Boolean active, int page, int size) {
        return units.search(text, directorateId, active, page, size);
    }

    @Override
    protected Unit deactivated(UUID id) {
        return units.deactivate(id);
    }

    @Override
    protected Unit activated(UUID id) {
        return units.activate(id);
    }

    @Override
    protected String name(Unit unit) {
        return unit.getName();
    }

    @Override
    protected String view() {
        return "units";
    }

    public UUID getDirectorateId() {
        return directorateId;
    }

    public void setDirectorateId(UUID directorateId) {
        this.directorateId = directorateId;
    }
}
