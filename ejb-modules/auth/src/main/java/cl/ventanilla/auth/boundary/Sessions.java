package cl.ventanilla.auth.boundary;

import cl.ventanilla.auth.control.OpenSessions;
import cl.ventanilla.auth.control.OpenSessions.AccountState;
import cl.ventanilla.auth.entity.AuthException;
import cl.ventanilla.auth.entity.SessionEnded;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Objects;

/**
 * Sessions ended by a logout before their token expired. Tokens are not stored, so a logout records the
 * token's id ({@code jti}) until the moment it would have expired anyway; every instance of the cluster
 * then refuses it. Expired entries are removed as new ones arrive. Requests are answered from memory
 * ({@link OpenSessions}) while this instance hears the others' changes, from the database otherwise.
 */
@Stateless
public class Sessions {

    /** Longest token id kept; ours are UUIDs. */
    public static final int ID_LENGTH = 64;

    @PersistenceContext(unitName = "auth")
    EntityManager em;

    @Inject
    OpenSessions open;

    @Inject
    Event<SessionEnded> ended;

    /** Ends the session of the token with this id, everywhere. Revoking twice is harmless. */
    public void revoke(String tokenId, Instant expiresAt) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (tokenId == null || tokenId.isBlank() || tokenId.length() > ID_LENGTH) {
            throw new IllegalArgumentException("A token id is 1 to " + ID_LENGTH + " characters");
        }
        em.createNativeQuery("DELETE FROM sesiones_revocadas WHERE expira_en < now()").executeUpdate();
        em.createNativeQuery("INSERT INTO sesiones_revocadas (jti, expira_en) VALUES (?1, ?2) ON CONFLICT (jti) DO NOTHING")
                .setParameter(1, tokenId)
                .setParameter(2, expiresAt)
                .executeUpdate();
        ended.fire(new SessionEnded(tokenId));
    }

    /** Whether a logout ended the session of the token with this id. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isRevoked(String tokenId) {
        if (tokenId == null || tokenId.isBlank() || tokenId.length() > ID_LENGTH) {
            return false;
        }
        if (open.trusted()) {
            return open.ended(tokenId);
        }
        return !em.createNativeQuery("SELECT 1 FROM sesiones_revocadas WHERE jti = ?1")
                .setParameter(1, tokenId)
                .getResultList().isEmpty();
    }

    /**
     * The account a token speaks for, as its owner's requests need it (must it replace its password, its
     * units); from memory while this instance hears the others' changes.
     *
     * @throws AuthException NOT_FOUND when there is no such account
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AccountState account(java.util.UUID accountId) {
        return (open.trusted() ? open.account(accountId) : open.fresh(accountId))
                .orElseThrow(() -> AuthException.notFound("user.notFound", String.valueOf(accountId)));
    }

    /** What a signed token still opens. */
    public enum State {
        /** Logged out, or the account was deactivated or is gone: nothing. */
        ENDED,
        /** The account must replace a password an administrator chose before anything else. */
        MUST_CHANGE_PASSWORD,
        /** Everything its roles allow. */
        CURRENT
    }

    /**
     * What a token may still open: nothing when its session was ended by a logout or the account it speaks
     * for is deactivated or gone. Checked on every request, so a deactivated account is shut out at once,
     * everywhere, without waiting for its tokens to expire: from memory while this instance hears the
     * others' changes (see {@link OpenSessions}), otherwise one query.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public State state(String tokenId, String accountId) {
        if (tokenId == null || tokenId.isBlank() || tokenId.length() > ID_LENGTH || accountId == null) {
            return State.ENDED;
        }
        java.util.UUID account;
        try {
            account = java.util.UUID.fromString(accountId);
        } catch (IllegalArgumentException notOurs) {
            return State.ENDED;
        }
        if (open.trusted()) {
            if (open.ended(tokenId)) {
                return State.ENDED;
            }
            return open.account(account).filter(AccountState::active)
                    .map(a -> a.mustChangePassword() ? State.MUST_CHANGE_PASSWORD : State.CURRENT)
                    .orElse(State.ENDED);
        }
        java.util.List<?> rows = em.createNativeQuery("""
                SELECT debe_cambiar_password FROM usuarios
                WHERE id = ?2 AND activo AND NOT EXISTS (SELECT 1 FROM sesiones_revocadas WHERE jti = ?1)""")
                .setParameter(1, tokenId)
                .setParameter(2, account)
                .getResultList();
        if (rows.isEmpty()) {
            return State.ENDED;
        }
        return Boolean.TRUE.equals(rows.get(0)) ? State.MUST_CHANGE_PASSWORD : State.CURRENT;
    }
}
