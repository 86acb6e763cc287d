package cl.ventanilla.api.notifications;

import cl.ventanilla.api.Roles;
import cl.ventanilla.notifications.boundary.Outbox;
import cl.ventanilla.notifications.boundary.Outbox.Counts;
import cl.ventanilla.notifications.boundary.Outbox.NotificationPage;
import cl.ventanilla.notifications.entity.Notification;
import cl.ventanilla.notifications.entity.NotificationException;
import cl.ventanilla.notifications.entity.NotificationState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * {@code /api/notifications}: the outbox for administrators. {@code state} filters by
 * {@code PENDING}/{@code PENDIENTE}, {@code SENDING}/{@code ENVIANDO}, {@code SENT}/{@code ENVIADA} or
 * {@code FAILED}/{@code FALLIDA}; {@code q} searches the recipient and the subject. Retrying a mail
 * that has not failed answers 409, an unknown one 404.
 */
@ApplicationScoped
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
@Roles("ADMIN")
public class NotificationsResource {

    @Inject
    Outbox outbox;

    /** Mails newest first, a page at a time. */
    @GET
    public NotificationPage list(@QueryParam("state") String state,
            @QueryParam("q") @Size(max = 254, message = "{ventanilla.notifications.search.size}") String text,
            @QueryParam("page") @DefaultValue("0")
            @Min(value = 0, message = "{ventanilla.notifications.page.min}") int page,
            @QueryParam("size") @DefaultValue("20")
            @Min(value = 1, message = "{ventanilla.notifications.size.min}")
            @Max(value = Outbox.MAX_PAGE_SIZE, message = "{ventanilla.notifications.size.max}") int size) {
        NotificationState wanted = state == null || state.isBlank() ? null : NotificationState.parse(state)
                .orElseThrow(() -> NotificationException.invalid("state.unknown", state));
        return outbox.page(wanted, text, page, size);
    }

    /** How many mails are pending, being sent, sent and failed. */
    @GET
    @Path("summary")
    public Counts summary() {
        return outbox.counts();
    }

    @GET
    @Path("{id}")
    public Notification get(@PathParam("id") UUID id) {
        return outbox.get(id);
    }

    /** Puts a failed mail back in the queue for an attempt now. */
    @POST
    @Path("{id}/retry")
    public Notification retry(@PathParam("id") UUID id) {
        return outbox.retry(id);
    }
}
