package cl.ventanilla.admin;

import cl.ventanilla.config.boundary.ConfigurationReadModel.UnitView;
import cl.ventanilla.faces.LanguageBacking;
import cl.ventanilla.kernel.DomainException;
import cl.ventanilla.queue.boundary.SupervisionBoard;
import cl.ventanilla.queue.boundary.SupervisionBoard.DeskState;
import cl.ventanilla.queue.boundary.SupervisionBoard.ServiceLine;
import cl.ventanilla.queue.boundary.SupervisionBoard.UnitBoard;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The supervisor's live view at /admin/supervision.xhtml?unidad=…: the unit's services with their waits
 * against the SLA and the alert that asks for another desk, and the unit's desks. The page's script
 * follows the unit's live line and, after each queue event, asks {@link #refresh} (an Ajax request with
 * the unit) to render the board again; it holds nothing between requests.
 */
@Named
@RequestScoped
public class SupervisionBacking {

    @Inject
    SupervisionBoard supervision;

    @Inject
    LanguageBacking language;

    private String unit;
    private UnitBoard board;
    private String problem;
    private List<UnitView> units;

    /** Called by {@code f:viewAction} on the first request: the chosen unit, or why it cannot be shown. */
    public void load() {
        int status = read();
        if (status != HttpServletResponse.SC_OK) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
        }
    }

    /** The live line's refresh: the unit comes with the request, as on the first one. */
    public void refresh() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        unit = external.getRequestParameterMap().get("unidad");
        read();
    }

    // the HTTP status the first request answers with: the page explains, in the page's language, what is wrong
    private int read() {
        board = null;
        problem = null;
        if (unit == null || unit.isBlank()) {
            return HttpServletResponse.SC_OK;
        }
        UUID unitId;
        try {
            unitId = UUID.fromString(unit.strip());
        } catch (IllegalArgumentException notAUnit) {
            problem = text("supervision.badUnit", unit.strip());
            return HttpServletResponse.SC_NOT_FOUND;
        }
        try {
            board = supervision.board(unitId);
            return HttpServletResponse.SC_OK;
        } catch (DomainException refused) {
            problem = refused.messageIn(language.getLocale());
            return switch (refused.kind()) {
                case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
                case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
                case CONFLICT -> HttpServletResponse.SC_CONFLICT;
                default -> HttpServletResponse.SC_BAD_REQUEST;
            };
        }
    }

    public List<UnitView> getUnits() {
        if (units == null) {
            units = supervision.units();
        }
        return units;
    }

    public boolean chosen(UUID id) {
        return board != null && board.unitId().equals(id);
    }

    public UnitBoard getBoard() {
        return board;
    }

    public String getProblem() {
        return problem;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public long desks(String state) {
        return board == null ? 0 : board.count(DeskState.valueOf(state));
    }

    /** When the next alert turns on if nothing happens, in milliseconds from now; empty when none will. */
    public String getNextAlertMillis() {
        return board == null ? "" : board.untilNextAlert().map(d -> String.valueOf(d.toMillis())).orElse("");
    }

    /** A wait as staff read it: "12 min 05 s". */
    public String waited(Duration wait) {
        long seconds = Math.max(0, wait.toSeconds());
        return String.format("%d min %02d s", seconds / 60, seconds % 60);
    }

    /** A duration in whole minutes, rounded up: a projection of 30 s still takes a minute of someone's day. */
    public long minutes(Duration duration) {
        return (duration.toSeconds() + 59) / 60;
    }

    /** The projected wait as the status cell says it, or that nobody will be called. */
    public String projected(ServiceLine line) {
        Optional<Duration> projected = line.forecast().projectedWait();
        return projected.map(d -> text("supervision.projected", minutes(d)))
                .orElseGet(() -> text("supervision.noDeskOpen"));
    }

    /** The alert of a service whose line will pass, or has passed, its SLA; empty when within it. */
    public String alert(ServiceLine line) {
        return switch (line.forecast().standing()) {
            case WITHIN -> "";
            case AT_RISK -> text("supervision.alert.atRisk", line.name(), line.getSlaMinutes());
            case OVER -> text("supervision.alert.over", line.name(), line.getSlaMinutes());
        };
    }

    private String text(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return new MessageFormat(faces.getApplication().getResourceBundle(faces, "msg").getString(key),
                faces.getViewRoot().getLocale()).format(arguments);
    }
}
