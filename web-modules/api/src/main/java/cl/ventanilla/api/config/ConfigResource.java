package cl.ventanilla.api.config;

import cl.ventanilla.config.boundary.ServiceCatalog;
import cl.ventanilla.config.entity.MunicipalService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.metrics.annotation.Timed;

/** {@code /api/config/}: the municipality's structure as citizens and screens read it. */
@RequestScoped
@Path("config")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigResource {

    @Inject
    ServiceCatalog catalog;

    /** The active services with their unit and directorate, ordered as the public portal shows them. */
    @GET
    @Path("services")
    @Timed(name = "ventanilla.config.services", absolute = true,
            description = "Tiempo de respuesta de la lista pública de servicios")
    public List<MunicipalService> services() {
        return catalog.activeServices();
    }
}
