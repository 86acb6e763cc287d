package cl.ventanilla.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cl.ventanilla.auth.entity.AuthException;
import cl.ventanilla.kernel.Rut;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final Rut RUT = Rut.of("12.345.678-5");
    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"caballo-bateria", "Valle Verde 2026", "ñandú-ñandú", "0123456789"})
    void acceptsTenCharactersOrMore(String password) {
        policy.check(password, RUT);
    }

    @Test
    void explainsTheMinimumLengthInSpanishAndEnglish() {
        AuthException error = assertThrows(AuthException.class, () -> policy.check("corta123", RUT));
        assertEquals("password.tooShort", error.key());
        assertEquals("La contraseña debe tener al menos 10 caracteres.", error.messageIn(null));
        assertEquals("The password must have at least 10 characters.", error.messageIn(Locale.ENGLISH));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // nine emoji are 18 UTF-16 units but nine characters
        assertEquals("password.tooShort", assertThrows(AuthException.class,
                () -> policy.check("🙂".repeat(9), RUT)).key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.345.678-5", "12345678-5 ", "12.345.6785", " 12.345.678-5", "123456785  "})
    void refusesTheOwnRutInAnyWriting(String password) {
        AuthException error = assertThrows(AuthException.class, () -> policy.check(password, RUT));
        assertEquals("password.equalsRut", error.key());
        assertEquals("La contraseña no puede ser su RUT. Elija otra.", error.messageIn(null));
    }

    @Test
    void acceptsAnotherPersonsRut() {
        policy.check("11.111.111-1", RUT);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void requiresAPassword(String password) {
        assertEquals("password.required", assertThrows(AuthException.class, () -> policy.check(password, RUT)).key());
    }

    @Test
    void limitsTheLength() {
        policy.check("x".repeat(PasswordPolicy.MAX_LENGTH), RUT);
        assertEquals("password.tooLong", assertThrows(AuthException.class,
                () -> policy.check("x".repeat(PasswordPolicy.MAX_LENGTH + 1), RUT)).key());
    }
}
