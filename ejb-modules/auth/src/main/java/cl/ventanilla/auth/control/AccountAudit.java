package cl.ventanilla.auth.control;

import static cl.ventanilla.kernel.JsonText.JSON;

import cl.ventanilla.auth.entity.User;
import cl.ventanilla.kernel.Rut;
import cl.ventanilla.kernel.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import java.util.UUID;

/**
 * Announces every change to an account as an {@link AuditEvent} (synchronously, inside the change's
 * transaction), with the fields an administrator reviews before and after. Passwords and their hashes
 * never appear in it.
 */
@ApplicationScoped
public class AccountAudit {

    public static final String ENTITY = "usuarios";

    @Inject
    Event<AuditEvent> events;

    /** The reviewable state of an account, as JSON. */
    public String snapshot(User user) {
        JsonArrayBuilder roles = JSON.createArrayBuilder();
        user.getRoles().stream().map(Enum::name).sorted().forEach(roles::add);
        JsonArrayBuilder units = JSON.createArrayBuilder();
        user.getUnitIds().stream().map(UUID::toString).sorted().forEach(units::add);
        var json = JSON.createObjectBuilder()
                .add("rut", user.getRut())
                .add("nombre", user.getName());
        if (user.getEmail() == null) {
            json.addNull("email");
        } else {
            json.add("email", user.getEmail());
        }
        return json.add("roles", roles)
                .add("unidades", units)
                .add("activo", user.isActive())
                .add("debeCambiarPassword", user.isMustChangePassword())
                .build().toString();
    }

    /**
     * @param action      CREAR, MODIFICAR, DESACTIVAR, ACTIVAR, RESTABLECER, CAMBIAR_PASSWORD, BLOQUEAR, LOGIN
     * @param description one sentence in Spanish; the account is named at its end
     * @param before      {@link #snapshot(User)} before the change, or {@code null}
     */
    public void record(String action, User user, String description, String before) {
        events.fire(new AuditEvent(action, ENTITY, String.valueOf(user.getId()),
                description + " " + Rut.of(user.getRut()).formatted() + " (" + user.getName() + ").",
                before, snapshot(user)));
    }
}
