package cl.ventanilla.auth.control;

import cl.ventanilla.auth.entity.PasswordResetRequested;
import cl.ventanilla.auth.entity.ResetToken;
import cl.ventanilla.auth.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues password-reset links: a fresh secret whose SHA-256 is stored with its expiry (60 minutes
 * unless {@code ventanilla.auth.reset-minutes} says otherwise), earlier unused links of the account
 * made void, and a {@link PasswordResetRequested} event for the email. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ResetLinks {

    @PersistenceContext(unitName = "auth")
    EntityManager em;

    @Inject
    SecretTokens secrets;

    @Inject
    Event<PasswordResetRequested> requested;

    @Inject
    @ConfigProperty(name = "ventanilla.auth.reset-minutes", defaultValue = "60")
    int resetMinutes;

    /**
     * @param requestedBy the administrator who forced the reset, or {@code null} when the owner asked
     */
    public void issue(User user, UUID requestedBy, Instant now) {
        em.createQuery("SELECT t FROM ResetToken t WHERE t.userId = :user AND t.usedAt IS NULL", ResetToken.class)
                .setParameter("user", user.getId())
                .getResultList()
                .forEach(earlier -> earlier.supersede(now));
        String secret = secrets.generate();
        Instant expiresAt = now.plus(Duration.ofMinutes(Math.max(1, resetMinutes)));
        em.persist(new ResetToken(user.getId(), secrets.fingerprint(secret), expiresAt, requestedBy));
        requested.fire(new PasswordResetRequested(user.getId(), user.getEmail(), user.getName(), secret, expiresAt));
    }
}
