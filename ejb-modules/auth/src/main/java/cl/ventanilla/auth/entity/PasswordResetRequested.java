package cl.ventanilla.auth.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * A one-time password-reset link was issued: the notifications domain observes this fact and emails the
 * link. The token travels only in this event and in that email; the database keeps its SHA-256.
 *
 * @param userId    the account
 * @param email     where to send the link
 * @param name      whom to greet
 * @param token     the secret to put in the link (never log it)
 * @param expiresAt when the link stops working
 */
public record PasswordResetRequested(UUID userId, String email, String name, String token, Instant expiresAt) {

    /** Without the token, so that logging the event never leaks a working link. */
    @Override
    public String toString() {
        return "PasswordResetRequested[userId=" + userId + ", email=" + email + ", expiresAt=" + expiresAt + "]";
    }
}
