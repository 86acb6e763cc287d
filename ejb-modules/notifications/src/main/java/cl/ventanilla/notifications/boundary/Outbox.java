package cl.ventanilla.notifications.boundary;

import cl.ventanilla.notifications.entity.Notification;
import cl.ventanilla.notifications.entity.NotificationException;
import cl.ventanilla.notifications.entity.NotificationState;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox as administrators see it: the mails with their state, attempts and last error, searchable
 * by recipient or subject, and the retry of a mail that ran out of attempts. Writing and sending mail
 * is not here: the outbox fills itself from the other domains' events and empties itself.
 */
@Stateless
public class Outbox {

    public static final int MAX_PAGE_SIZE = 100;

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    /** One page of mails, newest first. */
    public record NotificationPage(List<Notification> items, int page, int size, long total) {

        public NotificationPage {
            items = List.copyOf(items);
        }
    }

    /** How many mails are in each state. */
    public record Counts(long pending, long sending, long sent, long failed) {
    }

    /**
     * @param state  only mails in this state, or all when null
     * @param search part of the recipient's address or of the subject, any case; all when blank
     */
    public NotificationPage page(NotificationState state, String search, @Min(0) int page,
            @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        String text = search == null || search.isBlank() ? null
                : "%" + search.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        String where = " WHERE 1 = 1" + (state == null ? "" : " AND n.state = :state")
                + (text == null ? "" : " AND (LOWER(n.recipient) LIKE :text ESCAPE '\\' OR LOWER(n.subject) LIKE :text ESCAPE '\\')");
        TypedQuery<Notification> items = em.createQuery("SELECT n FROM Notification n" + where
                + " ORDER BY n.createdAt DESC, n.id", Notification.class);
        TypedQuery<Long> total = em.createQuery("SELECT COUNT(n) FROM Notification n" + where, Long.class);
        if (state != null) {
            items.setParameter("state", state);
            total.setParameter("state", state);
        }
        if (text != null) {
            items.setParameter("text", text);
            total.setParameter("text", text);
        }
        List<Notification> found = items.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new NotificationPage(found, page, size, total.getSingleResult());
    }

    public Optional<Notification> find(UUID id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(Notification.class, id));
    }

    public Notification get(UUID id) {
        return find(id).orElseThrow(() -> NotificationException.notFound("notification.notFound", id));
    }

    /** Puts a FALLIDA mail back in the queue for an attempt now (409 when it has not failed). */
    public Notification retry(@NotNull UUID id) {
        Notification notification = get(id);
        notification.retry(Instant.now());
        return notification;
    }

    public Counts counts() {
        Map<NotificationState, Long> byState = new EnumMap<>(NotificationState.class);
        for (Object[] row : em.createQuery("SELECT n.state, COUNT(n) FROM Notification n GROUP BY n.state",
                Object[].class).getResultList()) {
            byState.put((NotificationState) row[0], (Long) row[1]);
        }
        return new Counts(byState.getOrDefault(NotificationState.PENDING, 0L),
                byState.getOrDefault(NotificationState.SENDING, 0L), byState.getOrDefault(NotificationState.SENT, 0L),
                byState.getOrDefault(NotificationState.FAILED, 0L));
    }
}
