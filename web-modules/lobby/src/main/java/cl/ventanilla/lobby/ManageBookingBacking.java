package cl.ventanilla.lobby;

import cl.ventanilla.appointments.boundary.Availability;
import cl.ventanilla.appointments.boundary.BookingView;
import cl.ventanilla.appointments.boundary.Bookings;
import cl.ventanilla.appointments.boundary.Slot;
import cl.ventanilla.faces.Dates;
import cl.ventanilla.faces.Feedback;
import cl.ventanilla.faces.QrSvg;
import cl.ventanilla.kernel.web.ForwardedHeaders;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * "My booking" at {@code cita.xhtml?codigo=…}: the citizen opens a booking with its code and their RUT,
 * then sees it, cancels it (after confirming) or moves it to another time of the same service in one
 * step. Holds the code and RUT across postbacks; the booking is read again on every request.
 */
@Named
@ViewScoped
public class ManageBookingBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ZoneId ZONE = Dates.MUNICIPALITY;

    /** What the page shows under the booking. */
    public enum Mode { VIEW, CONFIRM_CANCEL, RESCHEDULE }

    @Inject
    Bookings bookings;

    @Inject
    Availability availability;

    @Inject
    PublicLinks links;

    @Inject
    ForwardedHeaders forwarded;

    private String code;
    private String rut;
    private boolean open;
    private Mode mode = Mode.VIEW;
    private YearMonth month;
    private LocalDate day;

    private transient BookingView booking;
    private transient MonthCalendar calendar;
    private transient List<Slot> slots;

    /** Opens the booking typed in (code + RUT): the same message whether the code or the RUT is wrong. */
    public String open() {
        try {
            booking = bookings.find(code.strip().toUpperCase(), rut);
            code = booking.code();
            open = true;
            mode = Mode.VIEW;
        } catch (RuntimeException refused) {
            open = false;
            Feedback.problem(refused);
        }
        return null;
    }

    public void askCancel() {
        mode = Mode.CONFIRM_CANCEL;
    }

    public void keep() {
        mode = Mode.VIEW;
    }

    public String cancel() {
        try {
            booking = bookings.cancel(code, rut);
            mode = Mode.VIEW;
            Feedback.notice("manage.cancelled");
        } catch (RuntimeException refused) {
            mode = Mode.VIEW;
            Feedback.problem(refused);
        }
        return null;
    }

    public void startReschedule() {
        mode = Mode.RESCHEDULE;
        month = YearMonth.from(getBooking().start().atZone(ZONE));
        if (month.isBefore(YearMonth.now(ZONE))) {
            month = YearMonth.now(ZONE);
        }
        day = null;
    }

    public void previousMonth() {
        if (month.isAfter(YearMonth.now(ZONE))) {
            month = month.minusMonths(1);
            day = null;
        }
    }

    public void nextMonth() {
        month = month.plusMonths(1);
        day = null;
    }

    public void chooseDay(LocalDate chosen) {
        day = chosen;
    }

    /** Moves the booking to the chosen time; the new booking has its own code, shown from now on. */
    public String reschedule() {
        String chosen = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("hora");
        Instant start;
        try {
            start = Instant.parse(chosen);
        } catch (RuntimeException unchosen) {
            Feedback.problem(new BookingBacking.BookingInputException("booking.slotRequired"));
            return null;
        }
        try {
            BookingView moved = bookings.reschedule(code, rut, start, BookingBacking.clientAddress(forwarded));
            booking = moved;
            code = moved.code();
            mode = Mode.VIEW;
            day = null;
            Feedback.notice("manage.rescheduled", moved.code());
        } catch (RuntimeException refused) {
            slots = null;
            calendar = null;
            Feedback.problem(refused);
        }
        return null;
    }

    public BookingView getBooking() {
        if (booking == null && open) {
            booking = bookings.find(code, rut);
        }
        return booking;
    }

    public MonthCalendar getCalendar() {
        if (calendar == null && mode == Mode.RESCHEDULE) {
            calendar = MonthCalendar.of(month,
                    availability.days(getBooking().serviceId(), month.atDay(1), month.atEndOfMonth()));
        }
        return calendar;
    }

    public List<Slot> getSlots() {
        if (slots == null && mode == Mode.RESCHEDULE && day != null) {
            slots = availability.slots(getBooking().serviceId(), day);
        }
        return slots;
    }

    public String getQrSvg() {
        return QrSvg.of(getBooking().code(), getBooking().code());
    }

    public String getManageUrl() {
        return links.manage(getBooking().code());
    }

    public boolean isOpen() {
        return open;
    }

    public Mode getMode() {
        return mode;
    }

    public YearMonth getMonth() {
        return month;
    }

    public LocalDate getDay() {
        return day;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getRut() {
        return rut;
    }

    public void setRut(String rut) {
        this.rut = rut;
    }
}
