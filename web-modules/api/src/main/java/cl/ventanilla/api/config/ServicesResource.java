package cl.ventanilla.api.config;

import cl.ventanilla.api.Public;
import cl.ventanilla.api.Roles;
import cl.ventanilla.config.boundary.Page;
import cl.ventanilla.config.boundary.ServiceCatalog;
import cl.ventanilla.config.boundary.ServiceDetails;
import cl.ventanilla.config.boundary.Services;
import cl.ventanilla.config.entity.MunicipalService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.metrics.annotation.Timed;

/** {@code /api/config/services}: the services units offer, each with its unit and directorate. */
@ApplicationScoped
@Path("config/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServicesResource {

    @Inject
    ServiceCatalog catalog;

    @Inject
    Services services;

    @Context
    UriInfo uri;

    /** The active services with their unit and directorate, ordered as the public portal shows them. */
    @GET
    @Public
    @Timed(name = "ventanilla.config.services", absolute = true,
            description = "Tiempo de respuesta de la lista pública de servicios")
    public List<MunicipalService> active() {
        return catalog.activeServices();
    }

    /** Search over all services, inactive ones included, a page at a time. */
    @GET
    @Path("search")
    @Roles({"ADMIN", "SUPERVISOR"})
    public Page<MunicipalService> search(@QueryParam("q") String text, @QueryParam("unitId") UUID unitId,
            @QueryParam("active") Boolean active,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return services.search(text, unitId, active, page, size);
    }

    /** One service, with the requirements citizens must bring. */
    @GET
    @Path("{id}")
    @Public
    public MunicipalService get(@PathParam("id") UUID id) {
        return services.get(id);
    }

    @POST
    @Roles("ADMIN")
    public Response create(@NotNull @Valid ServiceDetails details) {
        MunicipalService created = services.create(details);
        return Response.created(uri.getAbsolutePathBuilder().path(created.getId().toString()).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Roles("ADMIN")
    public MunicipalService update(@PathParam("id") UUID id, @NotNull @Valid ServiceDetails details) {
        return services.update(id, details);
    }

    @POST
    @Path("{id}/deactivate")
    @Roles("ADMIN")
    public MunicipalService deactivate(@PathParam("id") UUID id) {
        return services.deactivate(id);
    }

    @POST
    @Path("{id}/activate")
    @Roles("ADMIN")
    public MunicipalService activate(@PathParam("id") UUID id) {
        return services.activate(id);
    }
}
