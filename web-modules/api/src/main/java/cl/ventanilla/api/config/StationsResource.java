package cl.ventanilla.api.config;

import cl.ventanilla.api.Public;
import cl.ventanilla.api.Roles;
import cl.ventanilla.config.boundary.Page;
import cl.ventanilla.config.boundary.StationDetails;
import cl.ventanilla.config.boundary.Stations;
import cl.ventanilla.config.entity.Station;
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

/** {@code /api/config/stations}: the desks of each unit and the ids of the services each one attends. */
@ApplicationScoped
@Path("config/stations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StationsResource {

    @Inject
    Stations stations;

    @Context
    UriInfo uri;

    /** The active stations of a unit ({@code ?unitId=}, required), by number, as the lobby shows them. */
    @GET
    @Public
    public List<Station> active(@QueryParam("unitId") @NotNull(message = "{config.station.unit.required}") UUID unitId) {
        return stations.active(unitId);
    }

    /** Search over all stations, inactive ones included, a page at a time. */
    @GET
    @Path("search")
    @Roles({"ADMIN", "SUPERVISOR"})
    public Page<Station> search(@QueryParam("q") String text, @QueryParam("unitId") UUID unitId,
            @QueryParam("active") Boolean active,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return stations.search(text, unitId, active, page, size);
    }

    @GET
    @Path("{id}")
    @Public
    public Station get(@PathParam("id") UUID id) {
        return stations.get(id);
    }

    @POST
    @Roles("ADMIN")
    public Response create(@NotNull @Valid StationDetails details) {
        Station created = stations.create(details);
        return Response.created(uri.getAbsolutePathBuilder().path(created.getId().toString()).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Roles("ADMIN")
    public Station update(@PathParam("id") UUID id, @NotNull @Valid StationDetails details) {
        return stations.update(id, details);
    }

    @POST
    @Path("{id}/deactivate")
    @Roles("ADMIN")
    public Station deactivate(@PathParam("id") UUID id) {
        return stations.deactivate(id);
    }

    @POST
    @Path("{id}/activate")
    @Roles("ADMIN")
    public Station activate(@PathParam("id") UUID id) {
        return stations.activate(id);
    }
}
