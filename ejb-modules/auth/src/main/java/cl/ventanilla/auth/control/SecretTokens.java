package cl.ventanilla.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Secrets for one-time links: 32 random bytes, URL-safe, and the SHA-256 under which they are stored. */
@ApplicationScoped
public class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new secret of 32 random bytes, Base64URL without padding (43 characters). */
    public String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The SHA-256 of the secret in lower-case hexadecimal: what the database keeps. */
    public String fingerprint(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
