package cl.ventanilla.config.entity;

import cl.ventanilla.kernel.DomainException;
import jakarta.ejb.ApplicationException;

/**
 * A configuration rule that was broken: a duplicate name or prefix, overlapping opening hours, a
 * closure that ends before it starts, something that does not exist. The message key lives in
 * {@code cl/ventanilla/config/Messages.properties} (Spanish, with English available).
 */
@ApplicationException(rollback = true)
public class ConfigException extends DomainException {

    private static final long serialVersionUID = 1L;
    private static final String BUNDLE = "cl.ventanilla.config.Messages";

    private final Kind kind;

    private ConfigException(Kind kind, String key, Object... arguments) {
        super(BUNDLE, key, arguments);
        this.kind = kind;
    }

    /** Input that breaks a rule; the caller can correct it. */
    public static ConfigException invalid(String key, Object... arguments) {
        return new ConfigException(Kind.INVALID, key, arguments);
    }

    /** Something asked for by id that does not exist. */
    public static ConfigException notFound(String key, Object id) {
        return new ConfigException(Kind.NOT_FOUND, key, String.valueOf(id));
    }

    /** A change that clashes with what already exists (a duplicate name, prefix, number or date). */
    public static ConfigException conflict(String key, Object... arguments) {
        return new ConfigException(Kind.CONFLICT, key, arguments);
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
