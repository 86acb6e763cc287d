package cl.ventanilla.configweb;

import cl.ventanilla.faces.Feedback;
import cl.ventanilla.config.boundary.CalendarMonth;
import cl.ventanilla.config.boundary.ClosureDetails;
import cl.ventanilla.config.boundary.Units;
import cl.ventanilla.config.control.CalendarDay;
import cl.ventanilla.config.control.UnitCalendar;
import cl.ventanilla.config.entity.Unit;
import cl.ventanilla.config.entity.UnitClosure;
import cl.ventanilla.config.entity.WeeklySchedule;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * unit-schedule.xhtml: the weekly opening hours of the unit {@code id} (two ranges a day at most), its
 * closures, and one month ({@code mes}, 2026-05) of the calendar that results.
 */
@Named
@ViewScoped
public class UnitScheduleBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Units units;

    private UUID id;
    private YearMonth month = YearMonth.now(UnitCalendar.ZONE);
    private String unitName;
    private boolean unitActive;
    private final List<DayHours> week = new ArrayList<>();
    private LocalDate from;
    private LocalDate to;
    private String reason;

    // entities and the calendar's records are not serializable; reloaded if the view moved to another instance
    private transient List<UnitClosure> closures;
    private transient CalendarMonth calendar;

    public void load() {
        if (id == null) {
            Feedback.notFound();
            return;
        }
        units.find(id).ifPresentOrElse(this::fill, Feedback::notFound);
    }

    private void fill(Unit unit) {
        unitName = unit.getName();
        unitActive = unit.isActive();
        WeeklySchedule schedule = units.openingHours(id);
        week.clear();
        Arrays.stream(DayOfWeek.values()).forEach(day -> week.add(new DayHours(day, schedule.on(day))));
    }

    public String saveOpeningHours() {
        try {
            units.changeOpeningHours(id, new WeeklySchedule(week.stream().flatMap(d -> d.ranges().stream()).toList()));
            Feedback.done("notice.openingHours", unitName);
            return Feedback.redirect("unit-schedule", true);
        } catch (RuntimeException e) {
            Feedback.problem(e);
            return null;
        }
    }

    public String close() {
        try {
            units.close(id, new ClosureDetails(from, to, reason));
            Feedback.done("notice.closure", unitName);
            return Feedback.redirect("unit-schedule", true);
        } catch (RuntimeException e) {
            Feedback.problem(e);
            return null;
        }
    }

    public List<UnitClosure> getClosures() {
        if (closures == null) {
            closures = units.closures(id);
        }
        return closures;
    }

    public CalendarMonth getCalendar() {
        if (calendar == null) {
            calendar = units.month(id, month);
        }
        return calendar;
    }

    /** The month's days in weeks from Monday to Sunday; {@code null} before the 1st and after the last day. */
    public List<List<CalendarDay>> getWeeks() {
        List<CalendarDay> cells = new ArrayList<>(Collections.nCopies(month.atDay(1).getDayOfWeek().getValue() - 1,
                (CalendarDay) null));
        cells.addAll(getCalendar().days());
        while (cells.size() % 7 != 0) {
            cells.add(null);
        }
        List<List<CalendarDay>> weeks = new ArrayList<>();
        for (int start = 0; start < cells.size(); start += 7) {
            weeks.add(cells.subList(start, start + 7));
        }
        return weeks;
    }

    /** "mayo de 2026", "May 2026". */
    public String getMonthTitle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot().getLocale();
        String pattern = faces.getApplication().getResourceBundle(faces, "msg").getString("calendar.monthPattern");
        String title = month.format(DateTimeFormatter.ofPattern(pattern, locale));
        return title.substring(0, 1).toUpperCase(locale) + title.substring(1);
    }

    public String getPreviousMonth() {
        return month.minusMonths(1).toString();
    }

    public String getNextMonth() {
        return month.plusMonths(1).toString();
    }

    /** "Lunes" … "Domingo" in the page's language. */
    public String dayName(DayOfWeek day) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        String name = day.getDisplayName(TextStyle.FULL, locale);
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /** "lun" … "dom", for the calendar's column headers. */
    public String shortDayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    /** Monday to Sunday, for the calendar's column headers. */
    public List<DayOfWeek> getWeekdays() {
        return List.of(DayOfWeek.values());
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public String getMonth() {
        return month.toString();
    }

    /** The month shown, {@code 2026-05}; the current one when missing or unreadable. */
    public void setMonth(String month) {
        try {
            this.month = month == null || month.isBlank() ? YearMonth.now(UnitCalendar.ZONE) : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            this.month = YearMonth.now(UnitCalendar.ZONE);
        }
        calendar = null;
    }

    public String getUnitName() {
        return unitName;
    }

    public boolean isUnitActive() {
        return unitActive;
    }

    public List<DayHours> getWeek() {
        return week;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
