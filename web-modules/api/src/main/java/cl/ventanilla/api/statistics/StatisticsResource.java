package cl.ventanilla.api.statistics;

import cl.ventanilla.api.problems.Languages;
import cl.ventanilla.statistics.boundary.Statistics;
import cl.ventanilla.statistics.control.Rebuild;
import cl.ventanilla.statistics.entity.Period;
import cl.ventanilla.statistics.entity.StatisticsException;
import cl.ventanilla.statistics.entity.SummaryQuery;
import cl.ventanilla.statistics.entity.SummaryRow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /api/statistics}: for administrators and supervisors (supervisors act at every unit, as
 * {@code StaffUnits} rules; operators see no statistics). {@code GET summary} answers the rows of a period
 * ({@code from}, {@code to}: {@code YYYY-MM-DD}, at most a year) grouped by {@code grouping}
 * ({@code dia}/{@code semana}/{@code mes}) and split by {@code by} ({@code total}, {@code unidad},
 * {@code servicio}, {@code estacion}, {@code funcionario}), optionally of one {@code unit} and one
 * {@code service}; {@code GET summary.csv} the same as CSV (UTF-8 with BOM, {@code ;} and decimal comma in
 * Spanish, {@code ,} and point with {@code Accept-Language: en}); {@code POST rebuild {"from","to"}}
 * (administrators) recomputes the period's aggregates from the queue's and the bookings' records.
 * Bad input is a 400 with the reason in the caller's language.
 */
@RequestScoped
@Path("statistics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ADMIN", "SUPERVISOR"})
public class StatisticsResource {

    @Inject
    Statistics statistics;

    @Context
    HttpHeaders headers;

    /** The query as understood, and its rows. */
    public record Summary(SummaryQuery query, List<SummaryRow> rows) {
    }

    /** The period to rebuild. */
    public record RebuildRequest(String from, String to) {
    }

    /** What the rebuild wrote and how long it took. */
    public record RebuildView(Period period, int ticketRows, int bookingRows, long millis) {
    }

    @GET
    @Path("summary")
    public Summary summary(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("grouping") String grouping, @QueryParam("by") String by, @QueryParam("unit") String unit,
            @QueryParam("service") String service) {
        SummaryQuery query = SummaryQuery.parse(from, to, grouping, by, unit, service);
        return new Summary(query, statistics.summary(query));
    }

    @GET
    @Path("summary.csv")
    @Produces({"text/csv; charset=UTF-8", MediaType.APPLICATION_JSON}) // JSON: the problems (401, 403, 400) of a JSON client
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("grouping") String grouping, @QueryParam("by") String by, @QueryParam("unit") String unit,
            @QueryParam("service") String service) {
        SummaryQuery query = SummaryQuery.parse(from, to, grouping, by, unit, service);
        String file = "estadisticas_" + query.period().from() + "_" + query.period().to() + ".csv";
        return Response.ok(statistics.csv(query, Languages.preferred(headers)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    @POST
    @Path("rebuild")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    public RebuildView rebuild(RebuildRequest wanted) {
        if (wanted == null) {
            throw StatisticsException.invalid("period.required");
        }
        Period period = Period.parse(wanted.from(), wanted.to());
        long started = System.nanoTime();
        Rebuild.Result result = statistics.rebuild(period);
        return new RebuildView(period, result.ticketRows(), result.bookingRows(), (System.nanoTime() - started) / 1_000_000);
    }
}
