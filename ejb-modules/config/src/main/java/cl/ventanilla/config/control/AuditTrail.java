package cl.ventanilla.config.control;

import cl.ventanilla.config.entity.Audited;
import cl.ventanilla.kernel.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * Announces each configuration change as an {@link AuditEvent}, synchronously and inside the caller's
 * transaction, so the audit line and the change commit or roll back together.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String CREATE = "CREAR";
    public static final String UPDATE = "MODIFICAR";
    public static final String DEACTIVATE = "DESACTIVAR";
    public static final String ACTIVATE = "ACTIVAR";

    @Inject
    Event<AuditEvent> events;

    public void created(Audited created) {
        created(created, "Creación de " + created.auditLabel());
    }

    public void created(Audited created, String description) {
        fire(CREATE, created, description, null, created.snapshot());
    }

    /** Records a change, unless nothing changed (a form saved as it was). */
    public void changed(Audited changed, JsonObject before) {
        changed(changed, "Modificación de " + changed.auditLabel(), before, changed.snapshot());
    }

    /** Records a change of a part of an aggregate (a unit's opening hours) with its own before and after. */
    public void changed(Audited owner, String description, JsonObject before, JsonObject after) {
        if (!before.equals(after)) {
            fire(UPDATE, owner, description, before, after);
        }
    }

    public void deactivated(Audited deactivated, JsonObject before) {
        if (!before.equals(deactivated.snapshot())) {
            fire(DEACTIVATE, deactivated, "Desactivación de " + deactivated.auditLabel(), before,
                    deactivated.snapshot());
        }
    }

    public void activated(Audited activated, JsonObject before) {
        if (!before.equals(activated.snapshot())) {
            fire(ACTIVATE, activated, "Activación de " + activated.auditLabel(), before, activated.snapshot());
        }
    }

    private void fire(String action, Audited what, String description, JsonObject before, JsonObject after) {
        events.fire(new AuditEvent(action, what.auditEntity(), what.auditId(), description,
                before == null ? null : before.toString(), after == null ? null : after.toString()));
    }
}
