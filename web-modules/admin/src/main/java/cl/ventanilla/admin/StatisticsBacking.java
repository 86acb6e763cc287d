package cl.ventanilla.admin;

import cl.ventanilla.ai.boundary.Assistant;
import cl.ventanilla.ai.boundary.WrittenSummary;
import cl.ventanilla.ai.entity.StatisticsSummary;
import cl.ventanilla.ai.entity.StatisticsSummary.ServiceFigures;
import cl.ventanilla.config.boundary.ConfigurationReadModel.ServiceView;
import cl.ventanilla.config.boundary.ConfigurationReadModel.UnitView;
import cl.ventanilla.faces.LanguageBacking;
import cl.ventanilla.kernel.DomainException;
import cl.ventanilla.statistics.boundary.Statistics;
import cl.ventanilla.statistics.entity.Dimension;
import cl.ventanilla.statistics.entity.Grouping;
import cl.ventanilla.statistics.entity.SummaryQuery;
import cl.ventanilla.statistics.entity.SummaryRow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.function.Function;

/**
 * The statistics at /admin/estadisticas.xhtml, for administrators and supervisors: filters in the URL
 * (unit, service, period, grouping, split), the totals per period and the split's rows as tables, the same
 * numbers as charts (drawn by estadisticas.js with Apache ECharts from the data attribute of each chart), and
 * the CSV of the split ({@code ?formato=csv}, written here so it speaks the page's language).
 */
@Named
@RequestScoped
public class StatisticsBacking {

    static final ZoneId ZONE = ZoneId.of("America/Santiago");

    @Inject
    Statistics statistics;

    @Inject
    LanguageBacking language;

    @Inject
    Assistant assistant;

    private String from;
    private String to;
    private String unit;
    private String service;
    private String grouping;
    private String by;
    private String format;
    private SummaryQuery query;
    private List<SummaryRow> totals = List.of();
    private List<SummaryRow> rows = List.of();
    private WrittenSummary written;

    /** Reads the filters (the last 30 days by default), the totals per period and the split's rows. */
    public void load() throws IOException {
        LocalDate today = LocalDate.now(ZONE);
        from = blank(from) ? today.minusDays(29).toString() : from.strip();
        to = blank(to) ? today.toString() : to.strip();
        grouping = blank(grouping) ? "dia" : grouping;
        by = blank(by) ? "servicio" : by;
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            query = SummaryQuery.parse(from, to, grouping, by, unit, service);
            if ("csv".equals(format)) {
                csv(faces, statistics.csv(query, language.getLocale()));
                return;
            }
            Statistics.Report report = statistics.report(query);
            totals = report.totals();
            rows = report.rows();
        } catch (DomainException refused) {
            query = null;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    refused.messageIn(language.getLocale()), null));
        }
    }

    /**
     * The written summary of the filtered period (its unit, service and days; the grouping and split do not
     * matter): the statistics give one row per service, mapped here to the assistant's figures, so neither
     * domain knows the other. Only aggregate figures and the names of the unit and services leave.
     */
    public void summarize() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            SummaryQuery period = SummaryQuery.parse(from, to, "mes", "servicio", unit, service);
            written = assistant.summarize(figures(period, statistics.perService(period)));
        } catch (DomainException refused) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    refused.messageIn(language.getLocale()), null));
        }
    }

    private StatisticsSummary figures(SummaryQuery period, List<SummaryRow> services) {
        String scope = period.unitId() == null ? bundle().getString("statistics.written.allUnits")
                : statistics.units().stream().filter(u -> u.id().equals(period.unitId())).map(UnitView::name)
                        .findFirst().orElse(period.unitId().toString());
        return new StatisticsSummary(scope, period.period().from(), period.period().to(), services.stream()
                .map(r -> ServiceFigures.measured(r.name(), r.issued(), r.served(), r.noShows(), r.meanWait(),
                        r.p90Wait(), r.shareWithinSla()))
                .toList());
    }

    /** Whether this request asked for the summary and the assistant wrote one. */
    public boolean isWrittenAvailable() {
        return written != null && written.available();
    }

    /** Whether this request asked for the summary and the assistant could not write one. */
    public boolean isWrittenUnavailable() {
        return written != null && !written.available();
    }

    public String getWrittenText() {
        return written == null ? null : written.text();
    }

    private void csv(FacesContext faces, byte[] body) throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseContentLength(body.length);
        external.setResponseHeader("Content-Disposition",
                "attachment; filename=\"estadisticas_" + query.period().from() + "_" + query.period().to() + ".csv\"");
        try (OutputStream out = external.getResponseOutputStream()) {
            out.write(body);
        }
        faces.responseComplete();
    }

    public boolean isLoaded() {
        return query != null;
    }

    public boolean isSplit() {
        return query != null && query.dimension() != Dimension.TOTAL;
    }

    public List<SummaryRow> getTotals() {
        return totals;
    }

    public List<SummaryRow> getRows() {
        return rows;
    }

    public List<UnitView> getUnits() {
        return statistics.units();
    }

    public List<ServiceView> getServices() {
        return statistics.services(query == null ? null : query.unitId());
    }

    /** The same filters with {@code formato=csv}, in the page's language. */
    public String getCsvUrl() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("desde", from);
        p.put("hasta", to);
        p.put("unidad", unit);
        p.put("servicio", service);
        p.put("agrupacion", grouping);
        p.put("desglose", by);
        p.put("lang", language.getTag());
        p.put("formato", "csv");
        StringBuilder url = new StringBuilder("estadisticas.xhtml?");
        p.forEach((k, v) -> {
            if (!blank(v)) {
                url.append(url.charAt(url.length() - 1) == '?' ? "" : "&").append(k).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return url.toString();
    }

    /** A period's label: the day, the week's first and last day, or the month. */
    public String period(SummaryRow row) {
        if (query == null || query.grouping() == Grouping.DAY) {
            return row.from().format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
        }
        if (query.grouping() == Grouping.MONTH) {
            return row.from().format(DateTimeFormatter.ofPattern("MM-yyyy"));
        }
        return row.from().format(DateTimeFormatter.ofPattern("dd-MM")) + " – "
                + row.to().format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    }

    /** Seconds as minutes with one decimal in the page's language; a dash without a value. */
    public String minutes(Integer seconds) {
        if (seconds == null) {
            return "–";
        }
        NumberFormat f = NumberFormat.getNumberInstance(language.getLocale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(seconds / 60.0);
    }

    public String percent(Double share) {
        if (share == null) {
            return "–";
        }
        NumberFormat f = NumberFormat.getPercentInstance(language.getLocale());
        f.setMaximumFractionDigits(1);
        return f.format(share);
    }

    public String name(SummaryRow row) {
        if (row.name() != null) {
            return row.name();
        }
        return bundle().getString(row.key() == null ? "statistics.noKey." + query.dimension().name()
                : "statistics.unnamed");
    }

    /** The charts' data: periods with counts and waits in minutes; the split summed over the range. */
    public String getChartData() {
        ResourceBundle msg = bundle();
        JsonArrayBuilder labels = Json.createArrayBuilder();
        Map<String, JsonArrayBuilder> series = new LinkedHashMap<>();
        Map<String, Function<SummaryRow, Number>> values = new LinkedHashMap<>();
        values.put("issued", SummaryRow::issued);
        values.put("served", SummaryRow::served);
        values.put("noShows", SummaryRow::noShows);
        values.put("abandoned", SummaryRow::abandoned);
        values.put("meanWait", r -> minutesValue(r.meanWait()));
        values.put("p50Wait", r -> minutesValue(r.p50Wait()));
        values.put("p90Wait", r -> minutesValue(r.p90Wait()));
        values.put("meanWaitPreferential", r -> minutesValue(r.meanWaitPreferential()));
        values.put("meanWaitNormal", r -> minutesValue(r.meanWaitNormal()));
        values.keySet().forEach(k -> series.put(k, Json.createArrayBuilder()));
        for (SummaryRow r : totals) {
            labels.add(period(r));
            values.forEach((k, f) -> {
                Number n = f.apply(r);
                if (n == null) {
                    series.get(k).addNull();
                } else if (n instanceof Double d) {
                    series.get(k).add(d);
                } else {
                    series.get(k).add(n.longValue());
                }
            });
        }
        JsonObjectBuilder names = Json.createObjectBuilder();
        values.keySet().forEach(k -> names.add(k, msg.getString("statistics.series." + k)));
        JsonObjectBuilder data = Json.createObjectBuilder().add("labels", labels).add("names", names);
        JsonObjectBuilder s = Json.createObjectBuilder();
        series.forEach(s::add);
        data.add("series", s);
        // the split, summed over the periods: served and the share within the SLA per key
        Map<String, long[]> split = new LinkedHashMap<>();
        if (isSplit()) {
            for (SummaryRow r : rows) {
                long[] sums = split.computeIfAbsent(name(r), k -> new long[2]);
                sums[0] += r.served();
                sums[1] += r.servedWithinSla();
            }
        }
        JsonArrayBuilder keys = Json.createArrayBuilder();
        JsonArrayBuilder served = Json.createArrayBuilder();
        JsonArrayBuilder sla = Json.createArrayBuilder();
        split.forEach((k, v) -> {
            keys.add(k);
            served.add(v[0]);
            if (v[0] == 0) {
                sla.addNull();
            } else {
                sla.add(Math.round(1000.0 * v[1] / v[0]) / 10.0);
            }
        });
        data.add("split", Json.createObjectBuilder().add("keys", keys).add("served", served).add("withinSla", sla)
                .add("servedName", msg.getString("statistics.series.served"))
                .add("slaName", msg.getString("statistics.series.withinSla")));
        return data.build().toString();
    }

    private static Double minutesValue(Integer seconds) {
        return seconds == null ? null : Math.round(seconds / 6.0) / 10.0;
    }

    private ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getGrouping() {
        return grouping;
    }

    public void setGrouping(String grouping) {
        this.grouping = grouping;
    }

    public String getBy() {
        return by;
    }

    public void setBy(String by) {
        this.by = by;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    /** For the selects: whether a unit or a service is the chosen one. */
    public boolean chosen(UUID id, String param) {
        return id != null && id.toString().equals(param);
    }
}
