package cl.ventanilla.backup.entity;

import cl.ventanilla.kernel.DomainException;
import jakarta.ejb.ApplicationException;

/**
 * A request about backups that cannot be done: an unknown backup, a second run of a kind already running.
 * The message, in Spanish or English, comes from {@code cl/ventanilla/backup/Messages}.
 */
@ApplicationException(rollback = true)
public class BackupException extends DomainException {

    private static final long serialVersionUID = 1L;
    static final String BUNDLE = "cl.ventanilla.backup.Messages";

    private final Kind kind;

    public BackupException(Kind kind, String key, Object... arguments) {
        super(BUNDLE, key, arguments);
        this.kind = kind;
    }

    public static BackupException notFound(String key, Object... arguments) {
        return new BackupException(Kind.NOT_FOUND, key, arguments);
    }

    public static BackupException conflict(String key, Object... arguments) {
        return new BackupException(Kind.CONFLICT, key, arguments);
    }

    public static BackupException invalid(String key, Object... arguments) {
        return new BackupException(Kind.INVALID, key, arguments);
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
