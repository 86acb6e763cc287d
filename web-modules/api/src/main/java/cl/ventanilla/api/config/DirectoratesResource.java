package cl.ventanilla.api.config;

import cl.ventanilla.api.Public;
import cl.ventanilla.api.Roles;
import cl.ventanilla.config.boundary.DirectorateDetails;
import cl.ventanilla.config.boundary.Directorates;
import cl.ventanilla.config.boundary.Page;
import cl.ventanilla.config.entity.Directorate;
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

/** {@code /api/config/directorates}: the municipality's directorates. */
@ApplicationScoped
@Path("config/directorates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DirectoratesResource {

    @Inject
    Directorates directorates;

    @Context
    UriInfo uri;

    /** The active directorates, alphabetically. */
    @GET
    @Public
    public List<Directorate> active() {
        return directorates.active();
    }

    /** Search over all directorates, inactive ones included, a page at a time. */
    @GET
    @Path("search")
    @Roles({"ADMIN", "SUPERVISOR"})
    public Page<Directorate> search(@QueryParam("q") String text, @QueryParam("active") Boolean active,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return directorates.search(text, active, page, size);
    }

    @GET
    @Path("{id}")
    @Public
    public Directorate get(@PathParam("id") UUID id) {
        return directorates.get(id);
    }

    @POST
    @Roles("ADMIN")
    public Response create(@NotNull @Valid DirectorateDetails details) {
        Directorate created = directorates.create(details);
        return Response.created(uri.getAbsolutePathBuilder().path(created.getId().toString()).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Roles("ADMIN")
    public Directorate update(@PathParam("id") UUID id, @NotNull @Valid DirectorateDetails details) {
        return directorates.update(id, details);
    }

    @POST
    @Path("{id}/deactivate")
    @Roles("ADMIN")
    public Directorate deactivate(@PathParam("id") UUID id) {
        return directorates.deactivate(id);
    }

    @POST
    @Path("{id}/activate")
    @Roles("ADMIN")
    public Directorate activate(@PathParam("id") UUID id) {
        return directorates.activate(id);
    }
}
