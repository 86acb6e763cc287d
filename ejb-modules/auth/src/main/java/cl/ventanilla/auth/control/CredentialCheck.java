package cl.ventanilla.auth.control;

import cl.ventanilla.auth.entity.AuthenticatedUser;
import cl.ventanilla.auth.entity.LockoutPolicy;
import cl.ventanilla.auth.entity.SignInRefused;
import cl.ventanilla.auth.entity.User;
import cl.ventanilla.kernel.Rut;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a RUT and password and records the outcome on the account in a transaction of its own, which
 * commits whatever the outcome: a wrong password must leave its mark even though the caller then
 * refuses the sign-in with an exception. Returns the outcome instead of throwing for the same reason.
 */
@ApplicationScoped
public class CredentialCheck {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
            .withZone(SignInRefused.LOCAL_TIME);

    @PersistenceContext(unitName = "auth")
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    AccountAudit audit;

    @Inject
    @ConfigProperty(name = "ventanilla.auth.lockout.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "ventanilla.auth.lockout.minutes", defaultValue = "15")
    int lockMinutes;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome check(Rut rut, String password, Instant now) {
        Optional<User> found = em.createQuery("SELECT u FROM User u WHERE u.rut = :rut", User.class)
                .setParameter("rut", rut.normalized())
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            hashing.verifyNothing(password);
            return Outcome.refused(SignInRefused.invalidCredentials());
        }
        User user = found.get();
        // The slow hash runs before the row is locked, so concurrent attempts wait only for the update;
        // the row alone is locked (a lock through the roles' and units' joins is not possible in
        // PostgreSQL), then the account is read again as the lock holder sees it.
        boolean matches = hashing.verify(password, user.getPasswordHash());
        em.createNativeQuery("SELECT id FROM usuarios WHERE id = ?1 FOR UPDATE")
                .setParameter(1, user.getId())
                .getSingleResult();
        em.refresh(user);
        if (user.isLockedAt(now)) {
            return Outcome.refused(SignInRefused.locked(user.getLockedUntil()));
        }
        if (!matches) {
            if (!user.isActive()) {
                return Outcome.refused(SignInRefused.invalidCredentials());
            }
            user.recordFailedSignIn(now, policy());
            if (user.isLockedAt(now)) {
                audit.record("BLOQUEAR", user, "Bloqueo por " + user.getFailedSignIns() + " intentos fallidos, hasta el "
                        + UNTIL.format(user.getLockedUntil()) + ", de la cuenta", null);
                return Outcome.refused(SignInRefused.locked(user.getLockedUntil()));
            }
            return Outcome.refused(SignInRefused.invalidCredentials());
        }
        if (!user.isActive()) {
            return Outcome.refused(SignInRefused.inactive());
        }
        user.recordSignIn(now);
        audit.record("LOGIN", user, "Inicio de sesión de la cuenta", null);
        return Outcome.signedIn(AuthenticatedUser.of(user));
    }

    LockoutPolicy policy() {
        return new LockoutPolicy(maxFailures, Duration.ofMinutes(lockMinutes));
    }

    /** Either the signed-in user or why not. */
    public record Outcome(AuthenticatedUser user, SignInRefused refusal) {

        static Outcome signedIn(AuthenticatedUser user) {
            return new Outcome(user, null);
        }

        static Outcome refused(SignInRefused refusal) {
            return new Outcome(null, refusal);
        }

        /** The user, or the refusal thrown. */
        public AuthenticatedUser userOrThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return user;
        }
    }
}
