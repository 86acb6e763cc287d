package cl.ventanilla.auth.entity;

import cl.ventanilla.kernel.DomainException;
import jakarta.ejb.ApplicationException;

/**
 * A rule of the auth domain was broken: a duplicate RUT, a weak password, a used reset link… The
 * message, in Spanish or English, comes from {@code cl/ventanilla/auth/Messages}.
 */
@ApplicationException(rollback = true)
public class AuthException extends DomainException {

    private static final long serialVersionUID = 1L;
    static final String BUNDLE = "cl.ventanilla.auth.Messages";

    private final Kind kind;

    public AuthException(Kind kind, String key, Object... arguments) {
        super(BUNDLE, key, arguments);
        this.kind = kind;
    }

    public static AuthException invalid(String key, Object... arguments) {
        return new AuthException(Kind.INVALID, key, arguments);
    }

    public static AuthException conflict(String key, Object... arguments) {
        return new AuthException(Kind.CONFLICT, key, arguments);
    }

    public static AuthException notFound(String key, Object... arguments) {
        return new AuthException(Kind.NOT_FOUND, key, arguments);
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
