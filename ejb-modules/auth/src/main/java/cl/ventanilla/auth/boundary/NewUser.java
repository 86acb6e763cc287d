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
 * An account to create, as the admin screen and {@code POST /api/auth/users} send it. Without a
 * password, the person receives a reset link by email and chooses their own.
 *
 * @param rut      in any usual writing (12.345.678-5, 12345678-5); stored normalized
 * @param password optional first password; a person must replace it at the first sign-in
 */
public record NewUser(
        @NotBlank(message = "{ventanilla.auth.rut.required}")
        @Size(max = 20, message = "{ventanilla.auth.rut.size}")
        @org.eclipse.microprofile.openapi.annotations.media.Schema(format = cl.ventanilla.kernel.Rut.FORMAT,
                pattern = cl.ventanilla.kernel.Rut.SHAPE, example = "12.345.678-5")
        String rut,
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
