package cl.ventanilla.notifications.entity;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One email of the outbox ({@code notificaciones}), as administrators see and retry it. Rows are
 * written by the outbox itself with SQL ({@code ON CONFLICT} on the deduplication key, leases with
 * {@code SKIP LOCKED}); this entity reads them and carries the one change a person makes:
 * {@link #retry retrying} a failed mail.
 */
@Entity
@Table(name = "notificaciones")
public class Notification {

    public static final int ERROR_LENGTH = 2000;

    @Id
    private UUID id;

    @Column(name = "tipo", nullable = false, updatable = false)
    private NotificationType type;

    @Column(name = "destinatario", nullable = false, updatable = false)
    private String recipient;

    @Column(name = "idioma", nullable = false, updatable = false)
    private String language;

    @Column(name = "asunto", updatable = false)
    private String subject;

    @Column(name = "cuerpo_texto", updatable = false)
    private String text;

    @Column(name = "cuerpo_html", updatable = false)
    private String html;

    @Column(name = "agendamiento_id", updatable = false)
    private UUID appointmentId;

    @Column(name = "usuario_id", updatable = false)
    private UUID userId;

    @Column(name = "clave_deduplicacion", updatable = false)
    private String deduplicationKey;

    @Column(name = "estado", nullable = false)
    private NotificationState state;

    @Column(name = "intentos", nullable = false)
    private int attempts;

    @Column(name = "max_intentos", nullable = false)
    private int maxAttempts;

    @Column(name = "proximo_intento", nullable = false)
    private Instant nextAttempt;

    @Column(name = "bloqueado_hasta")
    private Instant leasedUntil;

    @Column(name = "procesado_por")
    private String processedBy;

    @Column(name = "ultimo_error")
    private String lastError;

    @Column(name = "enviada_en", updatable = false)
    private Instant sentAt;

    @Column(name = "message_id", updatable = false)
    private String messageId;

    @Column(name = "fecha_creacion", insertable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Notification() {
        // for JPA
    }

    /**
     * Puts a failed mail back in the queue for an attempt now, with a fresh count of attempts; the last
     * error stays visible until the next attempt replaces it.
     */
    public void retry(Instant now) {
        if (state != NotificationState.FAILED) {
            throw NotificationException.conflict("notification.notFailed", id, state.code());
        }
        state = NotificationState.PENDING;
        attempts = 0;
        nextAttempt = now;
        leasedUntil = null;
        processedBy = null;
    }

    public UUID getId() {
        return id;
    }

    public NotificationType getType() {
        return type;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getLanguage() {
        return language;
    }

    public String getSubject() {
        return subject;
    }

    /** The plain-text body as sent; not in JSON (see {@link #getReadableText()}). */
    @JsonbTransient
    public String getText() {
        return text;
    }

    @JsonbTransient
    public String getHtml() {
        return html;
    }

    /**
     * The plain-text body as an administrator may read it: the body of a password-reset mail holds a
     * working link that belongs only to its owner, so it is not shown.
     */
    public String getReadableText() {
        return type == NotificationType.PASSWORD_RESET ? null : text;
    }

    /** Whether the attempts ran out and a person may {@link #retry} it. */
    public boolean isRetryable() {
        return state == NotificationState.FAILED;
    }

    public UUID getAppointmentId() {
        return appointmentId;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getDeduplicationKey() {
        return deduplicationKey;
    }

    public NotificationState getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public Instant getNextAttempt() {
        return nextAttempt;
    }

    public Instant getLeasedUntil() {
        return leasedUntil;
    }

    public String getProcessedBy() {
        return processedBy;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getMessageId() {
        return messageId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
