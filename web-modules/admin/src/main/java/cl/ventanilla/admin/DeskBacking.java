package cl.ventanilla.admin;

import cl.ventanilla.auth.boundary.Accounts;
import cl.ventanilla.faces.Feedback;
import cl.ventanilla.kernel.DomainException.Kind;
import cl.ventanilla.queue.boundary.DeskBoard;
import cl.ventanilla.queue.boundary.DeskBoard.Desk;
import cl.ventanilla.queue.boundary.DeskBoard.StationChoice;
import cl.ventanilla.queue.boundary.StationSessions;
import cl.ventanilla.queue.boundary.TicketDesk;
import cl.ventanilla.queue.entity.PauseReason;
import cl.ventanilla.queue.entity.QueueException;
import cl.ventanilla.queue.entity.Ticket;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The operator's desk at /admin/desk.xhtml?estacion=…: choose the station (which opens the operator's
 * session there), call the next ticket and act on it, pause with a reason and resume. Holds only ids
 * across postbacks; what the console shows is read again on every request.
 */
@Named
@ViewScoped
public class DeskBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    TicketDesk tickets;

    @Inject
    StationSessions sessions;

    @Inject
    DeskBoard board;

    @Inject
    Accounts accounts;

    private String station;
    private String ticketId;
    private String outcome;
    private String transferTo;
    private String pauseReason;
    private String pauseDetail;
    private transient Desk desk;
    private transient List<StationChoice> stations;

    /** Called by {@code f:viewAction} on the first request. */
    public void load() {
        Optional<UUID> chosen = stationId();
        if (chosen.isEmpty()) {
            station = null;
            return;
        }
        if (getStations().stream().noneMatch(s -> s.id().equals(chosen.get()))) {
            Feedback.notFound();
            return;
        }
        operatorId().ifPresent(operator -> {
            try {
                sessions.open(chosen.get(), operator);
            } catch (QueueException refused) {
                Feedback.problem(refused);
            }
        });
        ticketId = getDesk() == null ? null
                : getDesk().current().map(t -> t.getId().toString()).orElse(null);
    }

    /** Pauses the station with the chosen reason; the station calls nobody until it resumes. */
    public String pause() {
        return act(id -> {
            UUID operator = operatorId().orElseThrow(() -> QueueException.conflict("station.sessionClosed", ""));
            sessions.pause(stationId().orElseThrow(), operator, PauseReason.of(pauseReason, pauseDetail));
            Feedback.done("desk.done.paused");
            return null;
        }, false);
    }

    public String resumeStation() {
        return act(id -> {
            sessions.resume(stationId().orElseThrow());
            Feedback.done("desk.done.resumedStation");
            return null;
        }, false);
    }

    /** The reasons offered, as {@link PauseReason.Kind} names; the page labels them from its bundle. */
    public List<String> getPauseReasons() {
        return List.of(PauseReason.Kind.values()).stream().map(Enum::name).toList();
    }

    /** Since when the station is paused, as the operator reads it (HH:mm in Santiago). */
    public String getPausedSince() {
        Instant since = getDesk() == null ? null : getDesk().getPausedSince();
        return since == null ? "" : SHOWN_TIME.format(since.atZone(SANTIAGO));
    }

    private Optional<UUID> operatorId() {
        Principal user = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return user == null ? Optional.empty() : accounts.findByRut(user.getName()).map(u -> u.getId());
    }

    public String callNext() {
        return act(id -> {
            Optional<Ticket> called = tickets.callNext(stationId().orElseThrow());
            if (called.isPresent()) {
                Feedback.done("desk.done.called", called.get().getNumber());
            } else {
                Feedback.done("desk.done.nobodyWaiting");
            }
            return null;
        }, false);
    }

    public String recall() {
        return act(id -> done("desk.done.recalled", tickets.recall(id)), true);
    }

    public String noShow() {
        return act(id -> done("desk.done.noShow", tickets.noShow(id)), true);
    }

    public String start() {
        return act(id -> done("desk.done.started", tickets.start(id)), true);
    }

    public String finish() {
        return act(id -> done("desk.done.finished", tickets.finish(id, outcome)), true);
    }

    public String park() {
        return act(id -> done("desk.done.parked", tickets.park(id)), true);
    }

    public String transfer() {
        return act(id -> done("desk.done.transferred", tickets.transfer(id, parse(transferTo).orElse(null))), true);
    }

    public String resume(String parkedId) {
        ticketId = parkedId;
        return act(id -> done("desk.done.resumed", tickets.resume(id)), true);
    }

    private Object done(String key, Ticket ticket) {
        Feedback.done(key, ticket.getNumber());
        return null;
    }

    private String act(Function<UUID, Object> action, boolean needsTicket) {
        desk = null;
        try {
            Optional<UUID> ticket = parse(ticketId);
            if (needsTicket && ticket.isEmpty()) {
                // the page was older than the station's state: show the station as it is now
                return Feedback.redirect("desk", true);
            }
            action.apply(ticket.orElse(null));
        } catch (RuntimeException refused) {
            Feedback.problem(refused);
            return null;
        }
        return Feedback.redirect("desk", true);
    }

    /** The stations the user may sit at: those of their units; every station for an administrator or supervisor without units. */
    public List<StationChoice> getStations() {
        if (stations == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            Principal user = external.getUserPrincipal();
            Set<UUID> units = user == null ? Set.of()
                    : accounts.findByRut(user.getName()).map(u -> u.getUnitIds()).orElse(Set.of());
            boolean overseer = external.isUserInRole("ADMIN") || external.isUserInRole("SUPERVISOR");
            stations = board.stations(units.isEmpty() && overseer ? null : units);
        }
        return stations;
    }

    public Desk getDesk() {
        if (desk == null && stationId().isPresent()) {
            try {
                desk = board.desk(stationId().get());
            } catch (QueueException unknown) {
                if (unknown.kind() != Kind.NOT_FOUND) {
                    throw unknown;
                }
            }
        }
        return desk;
    }

    private Optional<UUID> stationId() {
        return parse(station);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return id == null || id.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    public String getStation() {
        return station;
    }

    public void setStation(String station) {
        this.station = station;
    }

    public String getTicketId() {
        return ticketId;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getTransferTo() {
        return transferTo;
    }

    public void setTransferTo(String transferTo) {
        this.transferTo = transferTo;
    }

    public String getPauseReason() {
        return pauseReason;
    }

    public void setPauseReason(String pauseReason) {
        this.pauseReason = pauseReason;
    }

    public String getPauseDetail() {
        return pauseDetail;
    }

    public void setPauseDetail(String pauseDetail) {
        this.pauseDetail = pauseDetail;
    }
}
