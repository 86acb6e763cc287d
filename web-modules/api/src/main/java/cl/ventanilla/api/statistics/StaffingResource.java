package cl.ventanilla.api.statistics;

import cl.ventanilla.api.Roles;
import cl.ventanilla.statistics.boundary.Staffing;
import cl.ventanilla.statistics.entity.StaffingAdvice;
import cl.ventanilla.statistics.entity.StaffingQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /api/statistics/staffing?unit=…&date=YYYY-MM-DD[&weeks=4][&target=0.8]}, for administrators and
 * supervisors: the desks a unit needs per hour of the day to serve each service within its SLA (Erlang C on the
 * arrivals of the same weekday in the {@code weeks} weeks before, 1 to 12, and the measured service times), with
 * {@code target} the share to serve within the SLA (more than 0 and less than 1), beside the desks open that day.
 * Bad input is a 400 with the reason in the caller's language, as the other statistics.
 */
@ApplicationScoped
@Path("statistics/staffing")
@Produces(MediaType.APPLICATION_JSON)
@Roles({"ADMIN", "SUPERVISOR"})
public class StaffingResource {

    @Inject
    Staffing staffing;

    @GET
    public StaffingAdvice advice(@QueryParam("unit") @Schema(required = true, format = "uuid") String unit,
            @QueryParam("date") @Schema(required = true, format = "date") String date,
            @QueryParam("weeks") @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "12") String weeks,
            @QueryParam("target") @Schema(type = SchemaType.NUMBER, minimum = "0", exclusiveMinimum = true, maximum = "1",
                    exclusiveMaximum = true) String target) {
        return staffing.advice(StaffingQuery.parse(unit, date, weeks, target));
    }
}
