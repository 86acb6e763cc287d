package cl.ventanilla.auth.boundary;

import cl.ventanilla.auth.control.PasswordPolicy;
import cl.ventanilla.auth.entity.Role;
import cl.ventanilla.auth.entity.User;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;

/**
 * The new state of an account's editable data (the RUT never changes). Roles and units replace the
 * current ones.
 *
 * @param password optional: a new password set by the administrator (for a device, or for a person who
 *                 must replace it at the next sign-in)
 */
public record UserChanges(
        @NotBlank(message = "{ventanilla.auth.name.required}")
        @Size(max = User.NAME_LENGTH, message = "{ventanilla.auth.name.size}")
        String name,
        @Email(message = "{ventanilla.auth.email.invalid}")
        @Size(max = User.EMAIL_LENGTH, message = "{ventanilla.auth.email.size}")
        String email,
        @NotEmpty(message = "{ventanilla.auth.roles.required}")
        Set<@NotNull(message = "{ventanilla.auth.roles.required}") Role> roles,
        Set<@NotNull(message = "{ventanilla.auth.units.null}") UUID> unitIds,
        @Size(max = PasswordPolicy.MAX_LENGTH, message = "{ventanilla.auth.password.size}")
        String password) {
}
