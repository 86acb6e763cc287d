package cl.ventanilla.auth.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cl.ventanilla.kernel.DomainException;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SignInRefusedTest {

    @Test
    void saysUntilWhenInChileanTime() {
        // 18:42 UTC is 15:42 in Santiago in summer (UTC-3) and 14:42 in winter (UTC-4).
        SignInRefused summer = SignInRefused.locked(Instant.parse("2026-01-15T18:42:00Z"));
        assertEquals("Su cuenta está bloqueada por varios intentos fallidos hasta las 15:42. Intente nuevamente "
                + "después de esa hora o restablezca su contraseña.", summer.messageIn(null));
        assertEquals("auth.locked", summer.key());
        assertEquals(DomainException.Kind.UNAUTHENTICATED, summer.kind());
        SignInRefused winter = SignInRefused.locked(Instant.parse("2026-07-15T18:42:00Z"));
        assertEquals("Your account is locked after several failed attempts until 14:42 (Chile time). Try again after "
                + "that time or reset your password.", winter.messageIn(Locale.ENGLISH));
    }

    @Test
    void anUnknownRutAndAWrongPasswordReadTheSame() {
        SignInRefused refused = SignInRefused.invalidCredentials();
        assertEquals("El RUT o la contraseña no son correctos.", refused.messageIn(Locale.forLanguageTag("es-CL")));
        assertEquals(SignInRefused.Reason.INVALID_CREDENTIALS, refused.reason());
        assertEquals("Su cuenta está desactivada. Pida al administrador de su unidad que la reactive.",
                SignInRefused.inactive().messageIn(null));
    }

    @Test
    void everyKeyHasItsSpanishAndEnglishMessage() throws Exception {
        var spanish = new java.util.Properties();
        var english = new java.util.Properties();
        try (var es = getClass().getResourceAsStream("/cl/ventanilla/auth/Messages_es.properties");
                var base = getClass().getResourceAsStream("/cl/ventanilla/auth/Messages.properties");
                var en = getClass().getResourceAsStream("/cl/ventanilla/auth/Messages_en.properties")) {
            spanish.load(new java.io.InputStreamReader(es, java.nio.charset.StandardCharsets.UTF_8));
            var fallback = new java.util.Properties();
            fallback.load(new java.io.InputStreamReader(base, java.nio.charset.StandardCharsets.UTF_8));
            english.load(new java.io.InputStreamReader(en, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(spanish, fallback, "Messages.properties is the Spanish copy");
        }
        assertEquals(spanish.keySet(), english.keySet());
    }
}
