package cl.ventanilla.notifications.entity;

import cl.ventanilla.kernel.DomainException;
import jakarta.ejb.ApplicationException;

/**
 * A rule of the outbox was broken: an unknown notification, a retry of one that has not failed… The
 * message, in Spanish or English, comes from {@code cl/ventanilla/notifications/Messages}.
 */
@ApplicationException(rollback = true)
public class NotificationException extends DomainException {

    private static final long serialVersionUID = 1L;
    static final String BUNDLE = "cl.ventanilla.notifications.Messages";

    private final Kind kind;

    public NotificationException(Kind kind, String key, Object... arguments) {
        super(BUNDLE, key, arguments);
        this.kind = kind;
    }

    public static NotificationException notFound(String key, Object... arguments) {
        return new NotificationException(Kind.NOT_FOUND, key, arguments);
    }

    public static NotificationException conflict(String key, Object... arguments) {
        return new NotificationException(Kind.CONFLICT, key, arguments);
    }

    public static NotificationException invalid(String key, Object... arguments) {
        return new NotificationException(Kind.INVALID, key, arguments);
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
