package cl.ventanilla.queue.entity;

import cl.ventanilla.kernel.DomainException;
import jakarta.ejb.ApplicationException;

/**
 * A rule of the queue was broken: an unknown ticket or station, a ticket in the wrong state for what
 * was asked, too many recalls… The message, in Spanish or English, comes from
 * {@code cl/ventanilla/queue/Messages}.
 */
@ApplicationException(rollback = true)
public class QueueException extends DomainException {

    private static final long serialVersionUID = 1L;
    static final String BUNDLE = "cl.ventanilla.queue.Messages";

    private final Kind kind;

    public QueueException(Kind kind, String key, Object... arguments) {
        super(BUNDLE, key, arguments);
        this.kind = kind;
    }

    public static QueueException invalid(String key, Object... arguments) {
        return new QueueException(Kind.INVALID, key, arguments);
    }

    public static QueueException conflict(String key, Object... arguments) {
        return new QueueException(Kind.CONFLICT, key, arguments);
    }

    public static QueueException forbidden(String key, Object... arguments) {
        return new QueueException(Kind.FORBIDDEN, key, arguments);
    }

    public static QueueException notFound(String key, Object... arguments) {
        return new QueueException(Kind.NOT_FOUND, key, arguments);
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
