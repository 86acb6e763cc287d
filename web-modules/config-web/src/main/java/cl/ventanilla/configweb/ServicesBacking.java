package cl.ventanilla.configweb;

import cl.ventanilla.config.boundary.Page;
import cl.ventanilla.config.boundary.Services;
import cl.ventanilla.config.entity.MunicipalService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/** services.xhtml: the services, of one unit ({@code unidad}) or of all, searched, filtered and paged. */
@Named
@ViewScoped
public class ServicesBacking extends ListBacking<MunicipalService> {

    private static final long serialVersionUID = 1L;

    @Inject
    Services services;

    private UUID unitId;

    @Override
    protected Page<MunicipalService> search(String text, Boolean active, int page, int size) {
        return services.search(text, unitId, active, page, size);
    }

    @Override
    protected MunicipalService deactivated(UUID id) {
        return services.deactivate(id);
    }

    @Override
    protected MunicipalService activated(UUID id) {
        return services.activate(id);
    }

    @Override
    protected String name(MunicipalService service) {
        return service.getName();
    }

    @Override
    protected String view() {
        return "services";
    }

    public UUID getUnitId() {
        return unitId;
    }

    public void setUnitId(UUID unitId) {
        this.unitId = unitId;
    }
}
