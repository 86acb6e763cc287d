package cl.ventanilla.api.config;

import cl.ventanilla.api.Public;
import cl.ventanilla.api.Roles;
import cl.ventanilla.config.boundary.HolidayDetails;
import cl.ventanilla.config.boundary.Holidays;
import cl.ventanilla.config.boundary.Page;
import cl.ventanilla.config.control.UnitCalendar;
import cl.ventanilla.config.entity.Holiday;
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
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.UUID;

/** {@code /api/config/holidays}: the national holidays on which no unit attends. */
@ApplicationScoped
@Path("config/holidays")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HolidaysResource {

    @Inject
    Holidays holidays;

    @Context
    UriInfo uri;

    /** The active holidays of a year ({@code ?year=2026}), or of this year and the next. */
    @GET
    @Public
    public List<Holiday> active(@QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        int first = year == null ? Year.now(UnitCalendar.ZONE).getValue() : year;
        int last = year == null ? first + 1 : year;
        return holidays.between(LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31));
    }

    /** Search over all holidays, inactive ones included, a page at a time. */
    @GET
    @Path("search")
    @Roles({"ADMIN", "SUPERVISOR"})
    public Page<Holiday> search(@QueryParam("q") String text, @QueryParam("year") Integer year,
            @QueryParam("active") Boolean active,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return holidays.search(text, year, active, page, size);
    }

    @GET
    @Path("{id}")
    @Public
    public Holiday get(@PathParam("id") UUID id) {
        return holidays.get(id);
    }

    @POST
    @Roles("ADMIN")
    public Response create(@NotNull @Valid HolidayDetails details) {
        Holiday created = holidays.create(details);
        return Response.created(uri.getAbsolutePathBuilder().path(created.getId().toString()).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Roles("ADMIN")
    public Holiday update(@PathParam("id") UUID id, @NotNull @Valid HolidayDetails details) {
        return holidays.update(id, details);
    }

    @POST
    @Path("{id}/deactivate")
    @Roles("ADMIN")
    public Holiday deactivate(@PathParam("id") UUID id) {
        return holidays.deactivate(id);
    }

    @POST
    @Path("{id}/activate")
    @Roles("ADMIN")
    public Holiday activate(@PathParam("id") UUID id) {
        return holidays.activate(id);
    }
}
