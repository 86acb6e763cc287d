package cl.ventanilla.auth.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Set;
import java.util.UUID;

/**
 * Who signed in, as the screens and the token need it: identity, roles, units, and whether they must
 * choose a new password before doing anything else.
 */
@JsonbPropertyOrder({"id", "rut", "name", "roles", "unitIds", "mustChangePassword"})
public record AuthenticatedUser(UUID id, String rut, String name, Set<Role> roles, Set<UUID> unitIds,
        boolean mustChangePassword) {

    public AuthenticatedUser {
        roles = Set.copyOf(roles);
        unitIds = Set.copyOf(unitIds);
    }

    public static AuthenticatedUser of(User user) {
        return new AuthenticatedUser(user.getId(), user.getRut(), user.getName(), user.getRoles(),
                user.getUnitIds(), user.isMustChangePassword());
    }
}
