package cl.ventanilla.admin;

import cl.ventanilla.faces.Feedback;
import cl.ventanilla.notifications.boundary.Outbox;
import cl.ventanilla.notifications.boundary.Outbox.Counts;
import cl.ventanilla.notifications.boundary.Outbox.NotificationPage;
import cl.ventanilla.notifications.entity.NotificationState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The email outbox at /admin/notifications.xhtml, for administrators: the mails with their state,
 * attempts and last error, filtered by state or searched by recipient and subject, and the retry of a
 * mail that ran out of attempts.
 */
@Named
@RequestScoped
public class NotificationsBacking {

    static final int PAGE_SIZE = 20;
    static final ZoneId ZONE = ZoneId.of("America/Santiago");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");

    @Inject
    Outbox outbox;

    private String state;
    private String query;
    private int page;
    private NotificationPage result;
    private Counts counts;

    public void load() {
        NotificationState wanted = NotificationState.parse(state).orElse(null);
        state = wanted == null ? null : wanted.name();
        result = outbox.page(wanted, query, Math.max(0, page), PAGE_SIZE);
        counts = outbox.counts();
    }

    public String retry(String id) {
        try {
            Feedback.done("notifications.retried", outbox.retry(UUID.fromString(id)).getRecipient());
        } catch (RuntimeException refused) {
            Feedback.problem(refused);
        }
        return Feedback.redirect("notifications", true);
    }

    /** A moment in the municipality's time, or a dash. */
    public String when(Instant instant) {
        return instant == null ? "—" : WHEN.withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .format(instant.atZone(ZONE));
    }

    public List<NotificationState> getStates() {
        return List.of(NotificationState.values());
    }

    public boolean isHasPrevious() {
        return result.page() > 0;
    }

    public boolean isHasNext() {
        return (long) (result.page() + 1) * result.size() < result.total();
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public NotificationPage getResult() {
        return result;
    }

    public Counts getCounts() {
        return counts;
    }
}
