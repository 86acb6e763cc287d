package cl.ventanilla.auth;

import cl.ventanilla.auth.entity.PasswordResetRequested;
import cl.ventanilla.kernel.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the audit log and the email outbox in the integration test: keeps what the domain announced. */
@ApplicationScoped
public class RecordedEvents {

    private final List<AuditEvent> audits = new CopyOnWriteArrayList<>();
    private final List<PasswordResetRequested> resets = new CopyOnWriteArrayList<>();

    void audited(@Observes AuditEvent event) {
        audits.add(event);
    }

    void resetRequested(@Observes PasswordResetRequested event) {
        resets.add(event);
    }

    /** The actions recorded for one account, oldest first. */
    public List<String> actionsOn(UUID userId) {
        return auditsOf(userId).stream().map(AuditEvent::action).toList();
    }

    public List<AuditEvent> auditsOf(UUID userId) {
        return audits.stream().filter(e -> String.valueOf(userId).equals(e.entityId())).toList();
    }

    public Optional<PasswordResetRequested> lastResetFor(UUID userId) {
        return resets.stream().filter(e -> e.userId().equals(userId)).reduce((first, second) -> second);
    }

    public int resetCount() {
        return resets.size();
    }
}
