package cl.ventanilla.auth.boundary;

import cl.ventanilla.auth.control.AccountAudit;
import cl.ventanilla.auth.control.PasswordHashing;
import cl.ventanilla.auth.control.PasswordPolicy;
import cl.ventanilla.auth.control.ResetLinks;
import cl.ventanilla.auth.control.SecretTokens;
import cl.ventanilla.auth.entity.AuthException;
import cl.ventanilla.auth.entity.PasswordResetRequested;
import cl.ventanilla.auth.entity.ResetToken;
import cl.ventanilla.auth.entity.User;
import cl.ventanilla.kernel.Rut;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * "Forgot my password": a one-time link sent by email, valid for an hour (configurable with
 * {@code ventanilla.auth.reset-minutes}), and the new password chosen with it. Asking never reveals
 * whether an account exists.
 */
@Stateless
public class PasswordResets {

    public static final int TOKEN_LENGTH = 100;

    @PersistenceContext(unitName = "auth")
    EntityManager em;

    @Inject
    ResetLinks resetLinks;

    @Inject
    SecretTokens secrets;

    @Inject
    PasswordHashing hashing;

    @Inject
    PasswordPolicy passwordPolicy;

    @Inject
    AccountAudit audit;

    Clock clock = Clock.systemUTC();

    /**
     * Sends a reset link to the active account with this RUT or email, when there is one with an email.
     * Returns the same way whether or not there is (see {@link PasswordResetRequested}).
     */
    public void request(String rutOrEmail) {
        findAccount(rutOrEmail)
                .filter(User::isActive)
                .filter(user -> user.getEmail() != null)
                .ifPresent(user -> resetLinks.issue(user, null, clock.instant()));
    }

    /**
     * Sets the new password chosen with a reset link, spends the link and ends any lockout.
     *
     * @throws AuthException unknown, used, replaced or expired link; inactive account; weak password
     */
    public void confirm(String token, String newPassword) {
        if (token == null || token.isBlank() || token.length() > TOKEN_LENGTH) {
            throw AuthException.invalid("reset.unknown");
        }
        // The link's row stays locked until the end: the same link sent twice at once waits here, then
        // finds it used, instead of both changing the password and one failing on the account's version.
        ResetToken link = em.createQuery("SELECT t FROM ResetToken t WHERE t.tokenHash = :hash", ResetToken.class)
                .setParameter("hash", secrets.fingerprint(token.strip()))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> AuthException.invalid("reset.unknown"));
        Instant now = clock.instant();
        link.use(now);
        User user = em.find(User.class, link.getUserId());
        if (!user.isActive()) {
            throw AuthException.invalid("reset.inactive");
        }
        passwordPolicy.check(newPassword, Rut.of(user.getRut()));
        user.changePassword(hashing.hash(newPassword), now);
        audit.record("CAMBIAR_PASSWORD", user, "Contraseña restablecida con enlace de la cuenta", null);
    }

    private Optional<User> findAccount(String rutOrEmail) {
        if (rutOrEmail == null || rutOrEmail.isBlank()) {
            return Optional.empty();
        }
        String text = rutOrEmail.strip();
        if (text.contains("@")) {
            return em.createQuery("SELECT u FROM User u WHERE lower(u.email) = :email", User.class)
                    .setParameter("email", text.toLowerCase(Locale.ROOT))
                    .getResultStream().findFirst();
        }
        if (!Rut.isValid(text)) {
            return Optional.empty();
        }
        return em.createQuery("SELECT u FROM User u WHERE u.rut = :rut", User.class)
                .setParameter("rut", Rut.of(text).normalized())
                .getResultStream().findFirst();
    }
}
