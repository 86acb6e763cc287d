package cl.ventanilla.statistics.boundary;

import cl.ventanilla.config.boundary.ConfigurationReadModel;
import cl.ventanilla.config.boundary.ConfigurationReadModel.ServiceView;
import cl.ventanilla.config.boundary.ConfigurationReadModel.UnitView;
import cl.ventanilla.statistics.control.CsvExport;
import cl.ventanilla.statistics.control.Rebuild;
import cl.ventanilla.statistics.control.Summaries;
import cl.ventanilla.statistics.entity.Dimension;
import cl.ventanilla.statistics.entity.Grouping;
import cl.ventanilla.statistics.entity.Histogram;
import cl.ventanilla.statistics.entity.Period;
import cl.ventanilla.statistics.entity.StatisticsException;
import cl.ventanilla.statistics.entity.SummaryQuery;
import cl.ventanilla.statistics.entity.SummaryRow;
import cl.ventanilla.statistics.entity.Totals;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The statistics of the municipality for staff: summaries of a period per unit, service, station or operator
 * and per day, week or month, their CSV, and the rebuild of a period's aggregates from the queue's and the
 * appointments' records. The aggregates themselves are written by the facts' observers
 * ({@link cl.ventanilla.statistics.control.TicketFacts}, {@link cl.ventanilla.statistics.control.AppointmentFacts}).
 */
@Stateless
public class Statistics {

    @Inject
    Summaries summaries;

    @Inject
    Rebuild rebuild;

    @Inject
    CsvExport csv;

    @Inject
    ConfigurationReadModel configuration;

    /** A split's rows and the totals of each period. */
    public record Report(List<SummaryRow> totals, List<SummaryRow> rows) {
    }

    /**
     * The summary rows, period by period, each period's rows by name.
     *
     * @throws StatisticsException INVALID for an unknown unit or service
     */
    public List<SummaryRow> summary(SummaryQuery query) {
        checkFilters(query);
        Summaries.Read read = summaries.read(query);
        return rows(query, read.tickets(), read.bookings());
    }

    /**
     * The rows of a split and the totals of each period, for a screen that shows both: the aggregates are
     * read once, the totals are their sums.
     */
    public Report report(SummaryQuery query) {
        checkFilters(query);
        Summaries.Read read = summaries.read(query);
        List<SummaryRow> rows = rows(query, read.tickets(), read.bookings());
        if (query.dimension() == Dimension.TOTAL) {
            return new Report(rows, rows);
        }
        SummaryQuery total = new SummaryQuery(query.period(), query.grouping(), Dimension.TOTAL, query.unitId(),
                query.serviceId());
        // a split by station or operator has no bookings: the totals' are read alone (no histograms)
        return new Report(rows(total, Totals.perPeriod(read.tickets()),
                query.dimension().inServiceDays() ? read.bookingsPerPeriod() : summaries.bookings(total)), rows);
    }

    /**
     * One row per service for the whole period of the query (its unit and service filters kept, its grouping
     * and split ignored), by name: the figures a written summary of the period speaks of.
     */
    public List<SummaryRow> perService(SummaryQuery query) {
        checkFilters(query);
        SummaryQuery services = new SummaryQuery(query.period(), Grouping.MONTH, Dimension.SERVICE, query.unitId(),
                query.serviceId());
        return Totals.perKey(summaries.read(services).tickets(), query.period().from(), query.period().to()).stream()
                .map(t -> t.row(name(Dimension.SERVICE, t.key()), true, null))
                .sorted(Comparator.comparing(r -> r.name() == null ? "" : r.name(), String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private void checkFilters(SummaryQuery query) {
        if (query.unitId() != null && !configuration.unitExists(query.unitId())) {
            throw StatisticsException.invalid("unit.unknown", query.unitId());
        }
        if (query.serviceId() != null && configuration.service(query.serviceId()).isEmpty()) {
            throw StatisticsException.invalid("service.unknown", query.serviceId());
        }
    }

    private List<SummaryRow> rows(SummaryQuery query, List<Totals> tickets, Map<Summaries.Key, long[]> bookingCounts) {
        Map<Summaries.Key, long[]> bookings = new LinkedHashMap<>(bookingCounts);
        Dimension d = query.dimension();
        List<SummaryRow> rows = new ArrayList<>();
        for (Totals t : tickets) {
            long[] b = bookings.remove(new Summaries.Key(t.from(), t.key()));
            rows.add(clipped(t, query).row(name(d, t.key()), d.inServiceDays(),
                    d.inServiceDays() ? Objects.requireNonNullElse(b, new long[4]) : null));
        }
        // days with bookings and no ticket yet (bookings for the coming days)
        bookings.forEach((key, b) -> rows.add(clipped(new Totals(key.periodStart(), query.grouping().end(key.periodStart()),
                key.key(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Histogram.empty(), Histogram.empty(),
                Histogram.empty()), query).row(name(d, key.key()), true, b)));
        rows.sort(Comparator.comparing(SummaryRow::from)
                .thenComparing(r -> r.name() == null ? "" : r.name(), String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    /** The summary as CSV for a spreadsheet in the given language (see {@link CsvExport}). */
    public byte[] csv(SummaryQuery query, Locale locale) {
        return csv.write(summary(query), query.dimension(), locale);
    }

    /** Recomputes the period's aggregates from the records; the same numbers as the live aggregation. */
    public Rebuild.Result rebuild(Period period) {
        return rebuild.run(period);
    }

    /** The units to filter by, by name. */
    public List<UnitView> units() {
        return configuration.units().stream().sorted(Comparator.comparing(UnitView::name)).toList();
    }

    /** The services to filter by (of one unit, or all), by name. */
    public List<ServiceView> services(UUID unitId) {
        return configuration.services().stream().filter(s -> unitId == null || unitId.equals(s.unitId()))
                .sorted(Comparator.comparing(ServiceView::name)).toList();
    }

    /** The period's days inside the asked range (a week or month may start before it or end after it). */
    private static Totals clipped(Totals t, SummaryQuery q) {
        LocalDate from = t.from().isBefore(q.period().from()) ? q.period().from() : t.from();
        LocalDate to = t.to().isAfter(q.period().to()) ? q.period().to() : t.to();
        return new Totals(from, to, t.key(), t.issued(), t.issuedPreferential(), t.issuedAppointment(), t.served(),
                t.servedPreferential(), t.servedAppointment(), t.servedWithinSla(), t.noShows(), t.transferredOut(),
                t.transferredIn(), t.waitSeconds(), t.waitPreferentialSeconds(), t.waitAppointmentSeconds(),
                t.maxWait(), t.serviceSeconds(), t.waits(), t.preferentialWaits(), t.services());
    }

    private String name(Dimension d, UUID key) {
        if (key == null) {
            return null;
        }
        return switch (d) {
            case UNIT -> configuration.unit(key).map(UnitView::name).orElse(key.toString());
            case SERVICE -> configuration.service(key).map(ServiceView::name).orElse(key.toString());
            case STATION -> configuration.station(key).map(s -> s.name() + " (" + s.number() + ")").orElse(key.toString());
            default -> key.toString();
        };
    }
}
