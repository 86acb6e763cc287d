package cl.ventanilla.admin;

import cl.ventanilla.appointments.boundary.AppointmentDesk;
import cl.ventanilla.appointments.boundary.BookingView;
import cl.ventanilla.auth.boundary.Accounts;
import cl.ventanilla.config.boundary.Units;
import cl.ventanilla.config.entity.Unit;
import cl.ventanilla.faces.Dates;
import cl.ventanilla.faces.Feedback;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The day's appointments of a unit at {@code /admin/citas.xhtml?unidad=…&fecha=…}: who is booked at what
 * time for which service, marking a no-show, and (supervisors, administrators) cancelling every booking
 * of a day or range when the unit must close, with a notice to each citizen.
 */
@Named
@ViewScoped
public class AppointmentsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ZoneId ZONE = Dates.MUNICIPALITY;

    @Inject
    AppointmentDesk desk;

    @Inject
    Units units;

    @Inject
    Accounts accounts;

    private String unitParam;
    private String dateParam;
    private UUID unitId;
    private LocalDate date;

    private LocalDate closeFrom;
    private LocalDate closeTo;
    private String closeReason;
    private boolean confirmingClosure;

    private transient List<Unit> unitChoices;
    private transient List<BookingView> day;

    /** Called by {@code f:viewAction}: the first unit the user serves and today when none is asked for. */
    public void load() {
        try {
            date = dateParam == null || dateParam.isBlank() ? LocalDate.now(ZONE) : LocalDate.parse(dateParam.strip());
            unitId = unitParam == null || unitParam.isBlank() ? null : UUID.fromString(unitParam.strip());
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            Feedback.notFound();
            return;
        }
        if (unitId == null) {
            unitId = getUnits().isEmpty() ? null : getUnits().get(0).getId();
        } else if (getUnits().stream().noneMatch(u -> u.getId().equals(unitId))) {
            Feedback.notFound();
            return;
        }
        unitParam = unitId == null ? null : unitId.toString();
        dateParam = date.toString();
        closeFrom = date;
        closeTo = date;
    }

    public String markNoShow(UUID appointmentId) {
        try {
            BookingView marked = desk.markNoShow(appointmentId, staffId());
            Feedback.done("appointments.noShowMarked", marked.citizenName(), marked.code());
        } catch (RuntimeException refused) {
            Feedback.problem(refused);
            return null;
        }
        return Feedback.redirect("citas", true);
    }

    public void askClosure() {
        confirmingClosure = true;
    }

    public void keepOpen() {
        confirmingClosure = false;
    }

    public String close() {
        try {
            int cancelled = desk.cancelRange(unitId, closeFrom, closeTo, closeReason, staffId());
            Feedback.done("appointments.closed", cancelled);
        } catch (RuntimeException refused) {
            confirmingClosure = false;
            Feedback.problem(refused);
            return null;
        }
        return Feedback.redirect("citas", true);
    }

    /** The units the user works at; every active unit for an administrator or supervisor without units. */
    public List<Unit> getUnits() {
        if (unitChoices == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            Principal user = external.getUserPrincipal();
            Set<UUID> mine = user == null ? Set.of()
                    : accounts.findByRut(user.getName()).map(u -> u.getUnitIds()).orElse(Set.of());
            boolean overseer = external.isUserInRole("ADMIN") || external.isUserInRole("SUPERVISOR");
            unitChoices = units.active(null).stream()
                    .filter(u -> mine.contains(u.getId()) || (mine.isEmpty() && overseer))
                    .sorted(Comparator.comparing(Unit::getName))
                    .toList();
        }
        return unitChoices;
    }

    public List<BookingView> getDay() {
        if (day == null) {
            day = unitId == null ? List.of() : desk.day(unitId, null, date);
        }
        return day;
    }

    /** A confirmed booking whose time has come and gone without the citizen checking in. */
    public boolean canMarkNoShow(BookingView booking) {
        return "CONFIRMADO".equals(booking.state()) && booking.start().isBefore(Instant.now());
    }

    public long count(String state) {
        return getDay().stream().filter(b -> state.equals(b.state())).count();
    }

    public boolean isOverseer() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole("ADMIN") || external.isUserInRole("SUPERVISOR");
    }

    private UUID staffId() {
        Principal user = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return user == null ? null : accounts.findByRut(user.getName()).map(u -> u.getId()).orElse(null);
    }

    public LocalDate getPreviousDay() {
        return date.minusDays(1);
    }

    public LocalDate getNextDay() {
        return date.plusDays(1);
    }

    public LocalDate getDate() {
        return date;
    }

    public String getUnitParam() {
        return unitParam;
    }

    public void setUnitParam(String unitParam) {
        this.unitParam = unitParam;
    }

    public String getDateParam() {
        return dateParam;
    }

    public void setDateParam(String dateParam) {
        this.dateParam = dateParam;
    }

    public LocalDate getCloseFrom() {
        return closeFrom;
    }

    public void setCloseFrom(LocalDate closeFrom) {
        this.closeFrom = closeFrom;
    }

    public LocalDate getCloseTo() {
        return closeTo;
    }

    public void setCloseTo(LocalDate closeTo) {
        this.closeTo = closeTo;
    }

    public String getCloseReason() {
        return closeReason;
    }

    public void setCloseReason(String closeReason) {
        this.closeReason = closeReason;
    }

    public boolean isConfirmingClosure() {
        return confirmingClosure;
    }
}
