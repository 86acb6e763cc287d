package cl.ventanilla.lobby;

import cl.ventanilla.appointments.boundary.Availability;
import cl.ventanilla.appointments.boundary.BookableService;
import cl.ventanilla.appointments.boundary.BookingChallenges;
import cl.ventanilla.appointments.boundary.BookingRequest;
import cl.ventanilla.appointments.boundary.BookingView;
import cl.ventanilla.appointments.boundary.Bookings;
import cl.ventanilla.appointments.boundary.Challenge;
import cl.ventanilla.appointments.boundary.Slot;
import cl.ventanilla.faces.Dates;
import cl.ventanilla.faces.Feedback;
import cl.ventanilla.kernel.DomainException;
import cl.ventanilla.kernel.web.ForwardedHeaders;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Booking an appointment at {@code reservar.xhtml}: the service ({@code ?servicio=}), a day in the
 * month's calendar ({@code &mes=2026-12}, {@code &fecha=2026-12-03}), then the time and the citizen's
 * details. Each step is a link the citizen can bookmark or go back to; only the last one posts. Holds
 * ids and the typed details across postbacks; lists are read again on every request.
 */
@Named
@ViewScoped
public class BookingBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String CONFIRMED = "ventanilla.reserva";
    private static final ZoneId ZONE = Dates.MUNICIPALITY;

    @Inject
    Availability availability;

    @Inject
    Bookings bookings;

    @Inject
    BookingChallenges challenges;

    @Inject
    ForwardedHeaders forwarded;

    private String serviceParam;
    private String monthParam;
    private String dateParam;

    private UUID serviceId;
    private YearMonth month;
    private LocalDate date;

    private String slot;
    private String rut;
    private String name;
    private String email;
    private String phone;
    private String challenge;
    private int difficulty;
    private String nonce;

    private transient List<BookableService> services;
    private transient MonthCalendar calendar;
    private transient List<Slot> slots;

    /** Called by {@code f:viewAction} on the first request: unknown ids or malformed dates answer 404. */
    public void load() {
        if (serviceParam == null || serviceParam.isBlank()) {
            return;
        }
        try {
            serviceId = UUID.fromString(serviceParam.strip());
            date = dateParam == null || dateParam.isBlank() ? null : LocalDate.parse(dateParam.strip());
            month = date != null ? YearMonth.from(date)
                    : monthParam == null || monthParam.isBlank() ? YearMonth.now(ZONE) : YearMonth.parse(monthParam.strip());
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            Feedback.notFound();
            return;
        }
        if (getService().isEmpty()) {
            Feedback.notFound();
            return;
        }
        if (date != null) {
            Challenge issued = challenges.issue();
            challenge = issued.token();
            difficulty = issued.difficulty();
        }
    }

    /** Books the chosen time; on success the confirmation page shows the code (the flash carries it). */
    public String book() {
        slot = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("hora");
        Instant start;
        try {
            start = Instant.parse(slot);
        } catch (RuntimeException unchosen) {
            Feedback.problem(new BookingInputException("booking.slotRequired"));
            return null;
        }
        try {
            BookingView booked = bookings.book(new BookingRequest(serviceId, start, rut, name, email,
                    blankToNull(phone), language(), clientAddress(forwarded), challenge, nonce));
            FacesContext.getCurrentInstance().getExternalContext().getFlash().put(CONFIRMED, booked);
            return Feedback.redirect("confirmacion.xhtml", false);
        } catch (RuntimeException refused) {
            slots = null;
            renewChallenge();
            Feedback.problem(refused);
            return null;
        }
    }

    private void renewChallenge() {
        Challenge issued = challenges.issue();
        challenge = issued.token();
        difficulty = issued.difficulty();
        nonce = null;
    }

    /** Directorate → unit → services, in the catalogue's order, for the first step. */
    public Map<String, Map<String, List<BookableService>>> getCatalogue() {
        Map<String, Map<String, List<BookableService>>> tree = new LinkedHashMap<>();
        for (BookableService service : getServices()) {
            tree.computeIfAbsent(service.directorateName(), d -> new LinkedHashMap<>())
                    .computeIfAbsent(service.unitName(), u -> new java.util.ArrayList<>()).add(service);
        }
        return tree;
    }

    public List<BookableService> getServices() {
        if (services == null) {
            services = availability.services();
        }
        return services;
    }

    public Optional<BookableService> getService() {
        return serviceId == null ? Optional.empty()
                : getServices().stream().filter(s -> s.serviceId().equals(serviceId)).findFirst();
    }

    public BookableService getChosen() {
        return getService().orElse(null);
    }

    public MonthCalendar getCalendar() {
        if (calendar == null && serviceId != null && month != null) {
            calendar = MonthCalendar.of(month, availability.days(serviceId, month.atDay(1), month.atEndOfMonth()));
        }
        return calendar;
    }

    public List<Slot> getSlots() {
        if (slots == null && serviceId != null && date != null) {
            slots = availability.slots(serviceId, date);
        }
        return slots;
    }

    public boolean isMonthBeforeAllowed() {
        return month != null && month.isAfter(YearMonth.now(ZONE));
    }

    public YearMonth getMonth() {
        return month;
    }

    public YearMonth getPreviousMonth() {
        return month.minusMonths(1);
    }

    public YearMonth getNextMonth() {
        return month.plusMonths(1);
    }

    public LocalDate getDate() {
        return date;
    }

    public int getStep() {
        return serviceId == null ? 1 : date == null ? 2 : 3;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The citizen's address, as the trusted gateway saw it (or the connection's). */
    static String clientAddress(ForwardedHeaders forwarded) {
        return forwarded.clientAddress(
                (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    static String language() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage().equals("en") ? "en" : "es";
    }

    public String getServiceParam() {
        return serviceParam;
    }

    public void setServiceParam(String serviceParam) {
        this.serviceParam = serviceParam;
    }

    public String getMonthParam() {
        return monthParam;
    }

    public void setMonthParam(String monthParam) {
        this.monthParam = monthParam;
    }

    public String getDateParam() {
        return dateParam;
    }

    public void setDateParam(String dateParam) {
        this.dateParam = dateParam;
    }

    public String getSlot() {
        return slot;
    }

    public void setSlot(String slot) {
        this.slot = slot;
    }

    public String getRut() {
        return rut;
    }

    public void setRut(String rut) {
        this.rut = rut;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getChallenge() {
        return challenge;
    }

    public void setChallenge(String challenge) {
        this.challenge = challenge;
    }

    public int getDifficulty() {
        return difficulty;
    }

    public void setDifficulty(int difficulty) {
        this.difficulty = difficulty;
    }

    public String getNonce() {
        return nonce;
    }

    public void setNonce(String nonce) {
        this.nonce = nonce;
    }

    /** A step of the form left undone, told like a domain refusal. */
    static final class BookingInputException extends DomainException {

        private static final long serialVersionUID = 1L;

        BookingInputException(String key) {
            super("cl.ventanilla.lobby.Messages", key);
        }

        @Override
        public Kind kind() {
            return Kind.INVALID;
        }
    }
}
