package cl.ventanilla.lobby;

import cl.ventanilla.config.boundary.ServiceCatalog;
import cl.ventanilla.config.boundary.ServiceCatalog.DirectorateServices;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The portal's home: the directorates and the services of each unit. */
@Named
@RequestScoped
public class ServiceDirectoryBacking {

    @Inject
    ServiceCatalog catalog;

    private List<DirectorateServices> directory;

    /** Called by {@code f:viewAction}, once per request. */
    public void load() {
        directory = catalog.directory();
    }

    public List<DirectorateServices> getDirectory() {
        return directory;
    }

    public long getServiceCount() {
        return directory.stream().flatMap(d -> d.units().stream()).mapToLong(u -> u.services().size()).sum();
    }
}
