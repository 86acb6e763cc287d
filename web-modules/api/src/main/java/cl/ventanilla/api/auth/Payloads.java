package cl.ventanilla.api.auth;

import cl.ventanilla.auth.control.PasswordPolicy;
import cl.ventanilla.auth.entity.AuthenticatedUser;
import cl.ventanilla.auth.entity.User;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cl.ventanilla.kernel.Rut;

/** The JSON bodies of {@code /api/auth/} that are not the domain's own records. */
public final class Payloads {

    /** Long enough for any password the policy or an operator's environment may have set. */
    static final int PASSWORD_INPUT_LENGTH = 1024;

    private Payloads() {
    }

    /** {@code POST /api/auth/login}. */
    public record Credentials(
            @NotBlank(message = "{ventanilla.auth.rut.required}")
            @Size(max = 20, message = "{ventanilla.auth.rut.size}")
            @Schema(format = Rut.FORMAT, pattern = Rut.SHAPE, example = "12.345.678-5")
            String rut,
            @NotBlank(message = "{ventanilla.auth.password.required}")
            @Size(max = PASSWORD_INPUT_LENGTH, message = "{ventanilla.auth.password.size}")
            String password) {

        @Override
        public String toString() {
            return "Credentials[rut=" + rut + "]";
        }
    }

    /** The answer to a successful login: the bearer token, until when it is valid, and who it is for. */
    @JsonbPropertyOrder({"token", "expiresAt", "user"})
    public record SignedIn(String token, Instant expiresAt, AuthenticatedUser user) {
    }

    /** {@code POST /api/auth/password-reset}. */
    public record ResetRequest(
            @NotBlank(message = "{ventanilla.auth.rutOrEmail.required}")
            @Size(max = User.EMAIL_LENGTH, message = "{ventanilla.auth.rutOrEmail.size}")
            String rutOrEmail) {
    }

    /** {@code POST /api/auth/password-reset/confirm}. */
    public record ResetConfirmation(
            @NotBlank(message = "{ventanilla.auth.token.required}")
            @Size(max = 100, message = "{ventanilla.auth.token.size}")
            String token,
            @NotBlank(message = "{ventanilla.auth.newPassword.required}")
            @Size(max = PasswordPolicy.MAX_LENGTH, message = "{ventanilla.auth.password.size}")
            String newPassword) {

        @Override
        public String toString() {
            return "ResetConfirmation[]";
        }
    }

    /** {@code PUT /api/auth/me/password}. */
    public record PasswordChange(
            @NotBlank(message = "{ventanilla.auth.currentPassword.required}")
            @Size(max = PASSWORD_INPUT_LENGTH, message = "{ventanilla.auth.password.size}")
            String currentPassword,
            @NotBlank(message = "{ventanilla.auth.newPassword.required}")
            @Size(max = PasswordPolicy.MAX_LENGTH, message = "{ventanilla.auth.password.size}")
            String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }

    /**
     * {@code GET /api/auth/me}: who the token speaks for (id, RUT, name, roles and expiry from the token),
     * with the units and the pending password change from the account.
     */
    @JsonbPropertyOrder({"id", "rut", "name", "roles", "unitIds", "mustChangePassword", "expiresAt"})
    public record CurrentUser(UUID id, String rut, String name, Set<String> roles, Set<UUID> unitIds,
            boolean mustChangePassword, Instant expiresAt) {
    }
}
