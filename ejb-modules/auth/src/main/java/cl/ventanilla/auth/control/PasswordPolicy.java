package cl.ventanilla.auth.control;

import cl.ventanilla.auth.entity.AuthException;
import cl.ventanilla.kernel.Rut;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * What a password must be: at least ten characters (length is what makes a password hard to guess),
 * at most 128, and not the account's own RUT in any of its usual writings.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    /**
     * @throws AuthException with a message that says what to change
     */
    public void check(String password, Rut rut) {
        if (password == null || password.isBlank()) {
            throw AuthException.invalid("password.required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw AuthException.invalid("password.tooShort", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw AuthException.invalid("password.tooLong", MAX_LENGTH);
        }
        if (rut != null && isRut(password, rut)) {
            throw AuthException.invalid("password.equalsRut");
        }
    }

    private static boolean isRut(String password, Rut rut) {
        String compact = password.strip().replace(".", "").replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        String body = String.valueOf(rut.body());
        return compact.equals(body) || compact.equals(body + rut.checkDigit());
    }
}
