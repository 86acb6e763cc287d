package cl.ventanilla.lobby;

import cl.ventanilla.faces.Feedback;
import cl.ventanilla.kernel.DomainException.Kind;
import cl.ventanilla.queue.boundary.LobbyBoard;
import cl.ventanilla.queue.boundary.LobbyBoard.Snapshot;
import cl.ventanilla.queue.control.Queues.ShownCall;
import cl.ventanilla.queue.entity.QueueException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The waiting-room screen at /display.xhtml?unidad=…: its first picture of the unit's queue; from then
 * on the page's script follows the web socket and refreshes the counts from the snapshot API.
 */
@Named
@RequestScoped
public class DisplayBacking {

    /** Calls listed below the current one. */
    static final int EARLIER_CALLS = 6;

    @Inject
    LobbyBoard board;

    private String unit;
    private Snapshot snapshot;

    public void load() {
        UUID unitId;
        try {
            unitId = UUID.fromString(String.valueOf(unit));
        } catch (IllegalArgumentException notAUnit) {
            Feedback.notFound();
            return;
        }
        try {
            snapshot = board.snapshot(unitId);
        } catch (QueueException refused) {
            if (refused.kind() != Kind.NOT_FOUND) {
                throw refused;
            }
            Feedback.notFound();
        }
    }

    public ShownCall getCurrent() {
        return snapshot.lastCalls().isEmpty() ? null : snapshot.lastCalls().get(0);
    }

    public List<ShownCall> getEarlier() {
        List<ShownCall> calls = snapshot.lastCalls();
        return calls.size() <= 1 ? List.of() : calls.subList(1, Math.min(calls.size(), EARLIER_CALLS + 1));
    }

    /** The stations that call nobody now, by name, as the screen lists them; empty when none. */
    public String getPausedNames() {
        return snapshot.pausedStations().stream().map(p -> p.name()).collect(Collectors.joining(", "));
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public Snapshot getSnapshot() {
        return snapshot;
    }
}
