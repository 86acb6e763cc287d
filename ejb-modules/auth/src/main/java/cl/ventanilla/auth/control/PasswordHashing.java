package cl.ventanilla.auth.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Passwords as Jakarta Security stores them: PBKDF2 with HMAC-SHA256, 210 000 iterations and a random
 * salt, written {@code PBKDF2WithHmacSHA256:210000:<salt>:<hash>} (the form the demo administrator and
 * the login form's identity store share). Verification reads the algorithm and iterations from the
 * stored hash, so raising them later keeps old passwords working.
 */
@ApplicationScoped
public class PasswordHashing {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    public static final int ITERATIONS = 210_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** Compared against when the RUT has no account, so that the answer takes as long as a wrong password. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of("Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
                "Pbkdf2PasswordHash.Algorithm", ALGORITHM));
        decoy = unusable();
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    /** Whether the password matches the stored hash; a missing or malformed hash matches nothing. */
    public boolean verify(String password, String storedHash) {
        if (password == null || storedHash == null) {
            return false;
        }
        try {
            return pbkdf2.verify(password.toCharArray(), storedHash);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Spends the time of a verification without an account to compare with. */
    public void verifyNothing(String password) {
        verify(password == null ? "" : password, decoy);
    }

    /** The hash of a random secret nobody knows: the account cannot sign in until it gets a new password. */
    public String unusable() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return hash(Base64.getEncoder().encodeToString(secret));
    }
}
