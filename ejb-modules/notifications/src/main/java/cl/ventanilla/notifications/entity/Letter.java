package cl.ventanilla.notifications.entity;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An email ready to go into the outbox: rendered subject and bodies, its attachments, and what it is
 * about. {@code deduplicationKey} names the fact (e.g. {@code CONFIRMACION:<booking id>}) so the same
 * fact never gives two mails.
 *
 * @param appointmentId the booking it tells about, or null
 * @param userId        the account it is for, or null
 * @param data          the template's parameters as JSON, without secrets
 */
public record Letter(NotificationType type, String recipient, String language, String subject, String text,
        String html, String data, UUID appointmentId, UUID userId, String deduplicationKey,
        List<Attachment> attachments) {

    public Letter {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(deduplicationKey, "deduplicationKey");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /**
     * A file that goes with the mail. An image is shown inside the HTML, which refers to it as
     * {@code cid:<fileName>}; anything else is an attachment to open or save.
     */
    public record Attachment(String fileName, String contentType, byte[] content) {

        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }

        public boolean inline() {
            return contentType.startsWith("image/");
        }
    }
}
