package cl.ventanilla.admin;

import cl.ventanilla.config.boundary.ConfigurationReadModel.UnitView;
import cl.ventanilla.faces.LanguageBacking;
import cl.ventanilla.kernel.DomainException;
import cl.ventanilla.statistics.boundary.Staffing;
import cl.ventanilla.statistics.entity.ErlangC;
import cl.ventanilla.statistics.entity.StaffingAdvice;
import cl.ventanilla.statistics.entity.StaffingAdvice.Hour;
import cl.ventanilla.statistics.entity.StaffingAdvice.ServiceFigures;
import cl.ventanilla.statistics.entity.StaffingQuery;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The staffing advice at /admin/dotacion.xhtml, for administrators and supervisors: filters in the URL (unit,
 * day, weeks of history, target share), the desks needed and open per hour as a chart (drawn by dotacion.js with
 * Apache ECharts from the data attribute) and as a table with the same numbers, hours with fewer desks open than
 * needed marked in words, and the services' figures the advice used.
 */
@Named
@RequestScoped
public class StaffingBacking {

    /** The target shares offered, as the API takes them. */
    private static final List<String> TARGETS = List.of("0.7", "0.8", "0.9", "0.95");

    @Inject
    Staffing staffing;

    @Inject
    LanguageBacking language;

    private String unit;
    private String date;
    private String weeks;
    private String target;
    private StaffingAdvice advice;

    /** Reads the filters (today, four weeks, 80 % by default) and the advice once a unit is chosen. */
    public void load() {
        date = blank(date) ? LocalDate.now(StatisticsBacking.ZONE).toString() : date.strip();
        weeks = blank(weeks) ? String.valueOf(StaffingQuery.DEFAULT_WEEKS) : weeks.strip();
        target = blank(target) ? String.valueOf(ErlangC.DEFAULT_TARGET) : target.strip();
        if (blank(unit)) {
            return;
        }
        try {
            advice = staffing.advice(StaffingQuery.parse(unit, date, weeks, target));
        } catch (DomainException refused) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    refused.messageIn(language.getLocale()), null));
        }
    }

    public boolean isLoaded() {
        return advice != null;
    }

    public StaffingAdvice getAdvice() {
        return advice;
    }

    public List<Hour> getHours() {
        return advice == null ? List.of() : advice.hours();
    }

    /** The services with any need in the day: the table's columns. */
    public List<ServiceFigures> getNeededServices() {
        if (advice == null) {
            return List.of();
        }
        return advice.services().stream().filter(s -> advice.hours().stream()
                .anyMatch(h -> h.services().stream().anyMatch(n -> n.serviceId().equals(s.id())))).toList();
    }

    public List<ServiceFigures> getServices() {
        return advice == null ? List.of() : advice.services();
    }

    public List<UnitView> getUnits() {
        return staffing.units();
    }

    public List<String> getTargets() {
        return TARGETS;
    }

    public List<Integer> getWeekChoices() {
        return IntStream.rangeClosed(1, StaffingQuery.MAX_WEEKS).boxed().toList();
    }

    /** A service's need in an hour: its desks and mean arrivals, or a dash. */
    public String need(Hour hour, UUID serviceId) {
        return hour.services().stream().filter(n -> n.serviceId().equals(serviceId)).findFirst()
                .map(n -> n.desks() + " (" + decimal(n.arrivals(), 1) + "/h)").orElse("–");
    }

    /** The hour's state in words: covered, or how many desks were missing. */
    public String state(Hour hour) {
        if (!hour.understaffed()) {
            return bundle().getString("staffing.covered");
        }
        return MessageFormat.format(bundle().getString("staffing.missing"), decimal(hour.needed() - hour.open(), 1));
    }

    public String decimal(double value, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(language.getLocale());
        f.setMinimumFractionDigits(0);
        f.setMaximumFractionDigits(decimals);
        return f.format(value);
    }

    public String minutes(double seconds) {
        return decimal(seconds / 60.0, 1);
    }

    public String percent(String share) {
        NumberFormat f = NumberFormat.getPercentInstance(language.getLocale());
        f.setMaximumFractionDigits(0);
        return f.format(Double.parseDouble(share));
    }

    /** The chosen day and the days averaged, as a sentence's parts. */
    public String getDayLabel() {
        LocalDate d = advice.query().date();
        String weekday = d.getDayOfWeek().getDisplayName(TextStyle.FULL, language.getLocale());
        return weekday.substring(0, 1).toUpperCase(language.getLocale()) + weekday.substring(1) + " "
                + d.format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    }

    public String getHistoryLabel() {
        return String.join(", ", advice.history().stream()
                .map(d -> d.format(DateTimeFormatter.ofPattern("dd-MM-yyyy"))).toList());
    }

    /** The chart's data: hours, desks needed and open, and which hours lack desks. */
    public String getChartData() {
        ResourceBundle msg = bundle();
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder needed = Json.createArrayBuilder();
        JsonArrayBuilder open = Json.createArrayBuilder();
        JsonArrayBuilder understaffed = Json.createArrayBuilder();
        for (Hour h : getHours()) {
            labels.add(h.label());
            needed.add(h.needed());
            open.add(h.open());
            understaffed.add(h.understaffed());
        }
        return Json.createObjectBuilder().add("labels", labels).add("needed", needed).add("open", open)
                .add("understaffed", understaffed).add("neededName", msg.getString("staffing.needed"))
                .add("openName", msg.getString("staffing.open")).build().toString();
    }

    private ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** For the selects: whether an option is the chosen one. */
    public boolean chosen(Object option, String param) {
        return option != null && option.toString().equals(param);
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getWeeks() {
        return weeks;
    }

    public void setWeeks(String weeks) {
        this.weeks = weeks;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }
}
