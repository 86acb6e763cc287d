package cl.ventanilla.kernel.audit;

import java.util.Objects;

/**
 * A change someone made to the municipality's configuration or to an account, announced by the domain
 * that made it (as a synchronous CDI event, inside the same transaction) and written to the audit log
 * ({@code auditoria}) by its observer. Who made it is taken from the caller's identity by the observer.
 *
 * @param action      what was done: CREAR, MODIFICAR, DESACTIVAR, ACTIVAR, BLOQUEAR, RESTABLECER …
 * @param entity      the table or aggregate touched, e.g. {@code servicios}, {@code usuarios}
 * @param entityId    its id
 * @param description one sentence for the admin screen, in Spanish
 * @param before      JSON of the relevant fields before the change, or {@code null}
 * @param after       JSON of the relevant fields after the change, or {@code null}
 */
public record AuditEvent(String action, String entity, String entityId, String description, String before,
        String after) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entity, "entity");
    }
}
