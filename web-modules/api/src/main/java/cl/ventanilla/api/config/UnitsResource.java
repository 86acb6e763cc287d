package cl.ventanilla.api.config;

import cl.ventanilla.api.Public;
import cl.ventanilla.api.Roles;
import cl.ventanilla.config.boundary.CalendarMonth;
import cl.ventanilla.config.boundary.ClosureDetails;
import cl.ventanilla.config.boundary.Page;
import cl.ventanilla.config.boundary.PriorityRuleDetails;
import cl.ventanilla.config.boundary.PriorityRules;
import cl.ventanilla.config.boundary.UnitDetails;
import cl.ventanilla.config.boundary.Units;
import cl.ventanilla.config.control.UnitCalendar;
import cl.ventanilla.config.entity.PriorityRule;
import cl.ventanilla.config.entity.Unit;
import cl.ventanilla.config.entity.UnitClosure;
import cl.ventanilla.config.entity.WeeklySchedule;
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
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/config/units}: the offices, their opening hours, closures, calendar and priority rules.
 */
@ApplicationScoped
@Path("config/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitsResource {

    @Inject
    Units units;

    @Inject
    PriorityRules priorityRules;

    @Context
    UriInfo uri;

    /** The active units of active directorates, as the portal lists them. */
    @GET
    @Public
    public List<Unit> active(@QueryParam("directorateId") UUID directorateId) {
        return units.active(directorateId);
    }

    /** Search over all units, inactive ones included, a page at a time. */
    @GET
    @Path("search")
    @Roles({"ADMIN", "SUPERVISOR"})
    public Page<Unit> search(@QueryParam("q") String text, @QueryParam("directorateId") UUID directorateId,
            @QueryParam("active") Boolean active,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return units.search(text, directorateId, active, page, size);
    }

    @GET
    @Path("{id}")
    @Public
    public Unit get(@PathParam("id") UUID id) {
        return units.get(id);
    }

    @POST
    @Roles("ADMIN")
    public Response create(@NotNull @Valid UnitDetails details) {
        Unit created = units.create(details);
        return Response.created(uri.getAbsolutePathBuilder().path(created.getId().toString()).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Roles("ADMIN")
    public Unit update(@PathParam("id") UUID id, @NotNull @Valid UnitDetails details) {
        return units.update(id, details);
    }

    @POST
    @Path("{id}/deactivate")
    @Roles("ADMIN")
    public Unit deactivate(@PathParam("id") UUID id) {
        return units.deactivate(id);
    }

    @POST
    @Path("{id}/activate")
    @Roles("ADMIN")
    public Unit activate(@PathParam("id") UUID id) {
        return units.activate(id);
    }

    /** The weekly opening hours: {@code {"ranges": [{"day": "MONDAY", "opens": "08:30", "closes": "13:30"}, …]}}. */
    @GET
    @Path("{id}/opening-hours")
    @Public
    public WeeklySchedule openingHours(@PathParam("id") UUID id) {
        return units.openingHours(id);
    }

    /** Replaces the weekly opening hours; overlapping ranges of a day are refused. */
    @PUT
    @Path("{id}/opening-hours")
    @Roles("ADMIN")
    public WeeklySchedule changeOpeningHours(@PathParam("id") UUID id, @NotNull WeeklySchedule schedule) {
        return units.changeOpeningHours(id, schedule);
    }

    @GET
    @Path("{id}/closures")
    @Public
    public List<UnitClosure> closures(@PathParam("id") UUID id) {
        return units.closures(id);
    }

    @POST
    @Path("{id}/closures")
    @Roles("ADMIN")
    public Response close(@PathParam("id") UUID id, @NotNull @Valid ClosureDetails details) {
        UnitClosure closure = units.close(id, details);
        return Response.created(uri.getAbsolutePathBuilder().path(closure.getId().toString()).build())
                .entity(closure).build();
    }

    /** Every day of a month ({@code ?month=2026-12}, this month by default) with its hours or why it is closed. */
    @GET
    @Path("{id}/calendar")
    @Public
    public CalendarMonth calendar(@PathParam("id") UUID id, @QueryParam("month") YearMonth month) {
        return units.month(id, month == null ? YearMonth.now(UnitCalendar.ZONE) : month);
    }

    /** The unit's priority rules, or the defaults while it has none of its own. */
    @GET
    @Path("{id}/priority-rules")
    @Public
    public PriorityRule priorityRules(@PathParam("id") UUID id) {
        return priorityRules.forUnit(id);
    }

    @PUT
    @Path("{id}/priority-rules")
    @Roles("ADMIN")
    public PriorityRule changePriorityRules(@PathParam("id") UUID id, @NotNull @Valid PriorityRuleDetails details) {
        return priorityRules.change(id, details);
    }
}
