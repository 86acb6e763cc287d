package cl.ventanilla.configweb;

import cl.ventanilla.config.boundary.Page;
import cl.ventanilla.config.boundary.Stations;
import cl.ventanilla.config.entity.MunicipalService;
import cl.ventanilla.config.entity.Station;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;
import java.util.stream.Collectors;

/** stations.xhtml: the stations, of one unit ({@code unidad}) or of all, with the services each attends. */
@Named
@ViewScoped
public class StationsBacking extends ListBacking<Station> {

    private static final long serialVersionUID = 1L;

    @Inject
    Stations stations;

    private UUID unitId;

    @Override
    protected Page<Station> search(String text, Boolean active, int page, int size) {
        return stations.search(text, unitId, active, page, size);
    }

    @Override
    protected Station deactivated(UUID id) {
        return stations.deactivate(id);
    }

    @Override
    protected Station activated(UUID id) {
        return stations.activate(id);
    }

    @Override
    protected String name(Station station) {
        return station.getName();
    }

    @Override
    protected String view() {
        return "stations";
    }

    /** The services the station attends, alphabetically: "Licencias de conducir, Patentes". */
    public String services(Station station) {
        return station.getServices().stream().map(MunicipalService::getName).sorted()
                .collect(Collectors.joining(", "));
    }

    public UUID getUnitId() {
        return unitId;
    }

    public void setUnitId(UUID unitId) {
        this.unitId = unitId;
    }
}
