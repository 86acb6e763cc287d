package cl.ventanilla.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A one-time password-reset link, stored as the SHA-256 of its secret: whoever reads the table cannot
 * use the links in it. It works once, and only until it expires.
 */
@Entity
@Table(name = "tokens_restablecimiento")
public class ResetToken {

    public static final int HASH_LENGTH = 128;

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "usuario_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "token_hash", nullable = false, updatable = false, length = HASH_LENGTH)
    private String tokenHash;

    @Column(name = "expira_en", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "usado_en")
    private Instant usedAt;

    /** The administrator who forced the reset; {@code null} when the owner asked for it. */
    @Column(name = "solicitado_por_id", updatable = false)
    private UUID requestedById;

    protected ResetToken() {
        // for JPA
    }

    public ResetToken(UUID userId, String tokenHash, Instant expiresAt, UUID requestedById) {
        this.userId = Objects.requireNonNull(userId, "userId");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.requestedById = requestedById;
    }

    /**
     * Spends the link.
     *
     * @throws AuthException when it was already used (or replaced by a newer one) or has expired
     */
    public void use(Instant now) {
        if (usedAt != null) {
            throw AuthException.invalid("reset.used");
        }
        if (!now.isBefore(expiresAt)) {
            throw AuthException.invalid("reset.expired");
        }
        usedAt = now;
    }

    /** A newer link was sent: this one stops working, as if used. */
    public void supersede(Instant now) {
        if (usedAt == null) {
            usedAt = now;
        }
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    public UUID getRequestedById() {
        return requestedById;
    }
}
