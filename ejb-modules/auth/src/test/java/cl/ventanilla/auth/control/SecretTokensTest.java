package cl.ventanilla.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretTokensTest {

    private final SecretTokens secrets = new SecretTokens();

    @Test
    void secretsAre32RandomBytesSafeInAUrl() {
        String secret = secrets.generate();
        assertEquals(43, secret.length());
        assertTrue(secret.matches("[A-Za-z0-9_-]+"), secret);
        assertEquals(32, Base64.getUrlDecoder().decode(secret).length);
        assertNotEquals(secret, secrets.generate());
    }

    @Test
    void theFingerprintIsTheSha256InHex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", secrets.fingerprint("abc"));
    }
}
